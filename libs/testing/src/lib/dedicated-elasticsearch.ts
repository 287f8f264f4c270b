import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const SCRIPT = resolve(__dirname, '../../../../tools/elasticsearch/elasticsearch.sh');
const run = promisify(execFile);

/** A node of a test's own, for tests that stop and start Elasticsearch under a running projector. */
export interface DedicatedElasticsearch {
  url: string;
  /** Stops the node (SIGTERM); its data stays for `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data; resolves when it is healthy. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

/** Starts a fresh single node on `port` (tools/elasticsearch/elasticsearch.sh); ~10 s. */
export async function startDedicatedElasticsearch(port: number): Promise<DedicatedElasticsearch> {
  const dataDir = await mkdtemp(join(tmpdir(), 'beacon-test-es-own-'));
  // As root the node runs as its own user (see tools/elasticsearch): let it into its folder.
  await chmod(dataDir, 0o755);
  const script = (...args: string[]): Promise<{ stdout: string }> => run('bash', [SCRIPT, ...args], { encoding: 'utf8', timeout: 180_000 });
  const start = async (): Promise<string> => {
    const { stdout } = await script('start', '--port', String(port), '--data', dataDir);
    return stdout.trim().split('\n').pop() ?? '';
  };
  const url = await start();
  const stop = async (): Promise<void> => {
    await script('stop', '--data', dataDir);
  };
  return {
    url,
    stop,
    start: async () => {
      await start();
    },
    dispose: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
