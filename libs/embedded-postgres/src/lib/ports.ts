import { createServer } from 'node:net';

const HOST = '127.0.0.1';

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** Lets the OS pick a free port (PostgreSQL is then asked to bind it). */
export const pickFreePort = (): Promise<number> => listenOnce(0);

/**
 * Fails fast with a clear message when an explicit port is taken. Without
 * this, a different server on that port could even answer our readiness
 * probe; the probe also checks the data directory for that reason.
 */
export async function assertPortFree(port: number): Promise<void> {
  try {
    await listenOnce(port);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new Error(`Cannot start PostgreSQL: port ${port} on ${HOST} is already in use (${code})`);
  }
}
