import { spawn } from 'node:child_process';
import { childError, supervise, type Child } from './child';
import { SERVER_MAIN, WORKSPACE } from './server-build';

const READY_TIMEOUT_MS = 90_000;
/** Node's flags as every launcher of Beacon gives them (`npm start`, the image; decision 050). */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

export interface BeaconServer {
  url: string;
  child: Child;
}

/**
 * Starts the built server (`node --max-semi-space-size=64 dist/apps/server/main.js`) with exactly the given `BEACON_*`
 * variables (none inherited from the shell, so a stray BEACON_ROLES cannot change what is
 * measured) and waits until `GET /health/ready` answers 200; the server migrates its schema first.
 */
export async function startBeaconServer(env: Record<string, string>, port: number): Promise<BeaconServer> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BEACON_')));
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/profiles' to see where its time goes.
  const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const forked = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, SERVER_MAIN], {
    cwd: WORKSPACE,
    env: { ...inherited, NODE_ENV: 'production', ...env, BEACON_PORT: String(port), BEACON_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = supervise('Beacon server', forked);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, url);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, child };
}

async function waitReady(child: Child, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!child.isRunning()) throw childError(child, 'exited before it was ready');
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw childError(child, `GET /health/ready did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}
