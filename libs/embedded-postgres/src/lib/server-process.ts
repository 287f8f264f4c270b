import { binPath } from './binaries';
import { LogTail } from './log-tail';
import { exited, spawnAs } from './spawn-as';
import type { RunAs } from './types';

export interface ServerProcess {
  exitedWith(): number | string | undefined;
  logText(): string;
  stop(): Promise<void>;
}

const KILL_AFTER_MS = 30_000;

/**
 * Runs `postgres` in the foreground as our child. TCP on 127.0.0.1 only and
 * no Unix socket (unix_socket_directories=''), so no socket directory has to
 * be reachable by the server user; clients use the URL's TCP address.
 */
export function spawnServer(
  nativeRoot: string,
  dataDir: string,
  port: number,
  settings: Record<string, string>,
  runAs: RunAs | undefined,
  log: (line: string) => void,
): ServerProcess {
  const extra = Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...extra];
  const child = spawnAs(binPath(nativeRoot, 'postgres'), args, runAs, dataDir);
  const tail = new LogTail('[postgres]', log).attach(child.stdout, child.stderr);
  let result: number | string | undefined;
  // 'exit' handlers must be synchronous: all we can do is ask for a fast
  // shutdown, which PostgreSQL completes on its own after we are gone.
  const onProcessExit = () => result === undefined && child.kill('SIGINT');
  process.on('exit', onProcessExit);
  const done = exited(child)
    .catch((err: Error) => `spawn error: ${err.message}`)
    .then((code) => {
      result = code;
      process.removeListener('exit', onProcessExit);
    });

  return {
    exitedWith: () => result,
    logText: () => tail.text(),
    async stop() {
      if (result !== undefined) return;
      child.kill('SIGINT'); // "fast" shutdown: roll back sessions, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await done;
      clearTimeout(timer);
    },
  };
}
