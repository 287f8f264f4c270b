import type { ChildProcess } from 'node:child_process';

const LOG_LINES = 40;
const STOP_GRACE_MS = 15_000;

/** A child process the benchmark started: its pid, its last log lines, and a way to stop it. */
export interface Child {
  name: string;
  pid: number;
  /** Resolves when the process has exited, with its exit code (null after a signal). */
  exited: Promise<number | null>;
  isRunning(): boolean;
  /** The last lines it printed, for error messages. */
  logTail(): string;
  /** SIGTERM, then SIGKILL if it is still there after a grace period. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/**
 * Ctrl-C (withBenchPostgres stops PostgreSQL and exits on SIGINT, so `finally` blocks never run)
 * and an exit of the harness must not leave a server behind: every live child gets SIGTERM.
 */
function terminateAll(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** Whether someone else (withBenchPostgres) already handled Ctrl-C when the first child started. */
let othersHandleInterrupt = false;

function onInterrupt(): void {
  terminateAll();
  // Alone on SIGINT, this listener would have disabled Node's default exit on Ctrl-C; otherwise the
  // other handler exits once its clean-up is done, and exiting here would cut that short.
  if (!othersHandleInterrupt) process.exit(130);
}

export function supervise(name: string, child: ChildProcess): Child {
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: the process did not start`);
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - LOG_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (running.size === 0) {
    othersHandleInterrupt = process.listenerCount('SIGINT') > 0;
    process.on('SIGINT', onInterrupt);
    process.on('exit', terminateAll);
  }
  running.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      running.delete(child);
      if (running.size === 0) {
        process.removeListener('SIGINT', onInterrupt);
        process.removeListener('exit', terminateAll);
      }
      resolve(code);
    });
  });
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    name,
    pid,
    exited,
    isRunning,
    logTail: () => lines.join('\n'),
    stop: async () => {
      if (!isRunning()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** An error that carries what the child printed last: a failed start is explained by its log. */
export function childError(child: Child, message: string): Error {
  const tail = child.logTail();
  return new Error(`${child.name}: ${message}${tail ? `\n--- last lines of its output ---\n${tail}` : ''}`);
}
