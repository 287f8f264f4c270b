import { fork } from 'node:child_process';
import { join } from 'node:path';
import { childError, supervise, type Child } from './child';

const START_TIMEOUT_MS = 30_000;

export interface BareRoute {
  url: string;
  child: Child;
}

/** Forks `bare-route-server.ts` and waits for its port; it inherits the harness's way of running TypeScript (`--require`). */
export async function startBareRoute(): Promise<BareRoute> {
  const forked = fork(join(__dirname, 'bare-route-server.ts'), [], {
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const child = supervise('bare Fastify route', forked);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(childError(child, 'did not report its port in time')), START_TIMEOUT_MS);
    forked.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      if (message.port) resolve(message.port);
      else reject(childError(child, `reported no port: ${JSON.stringify(message)}`));
    });
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(childError(child, `exited with code ${code} while starting`));
    });
  }).catch(async (error: unknown) => {
    await child.stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, child };
}
