import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_ADMIN_KEY } from './test-app';

const WORKSPACE = resolve(__dirname, '../../../..');
/** The server as `npm run build` leaves it: fault tests run the real thing, in a process of its own. */
export const BUILT_SERVER = resolve(WORKSPACE, 'dist/apps/server/main.js');

/** A free port on loopback, as the kernel hands one out. */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Beacon's built server in a child process on loopback, for tests that kill it, starve it or stop
 * what it depends on. Its output is kept, and shown when it does not become ready.
 */
export class ServerProcess {
  readonly exited: Promise<number | null>;
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
  }

  /** Starts the server on `databaseUrl` (migrated by the server itself) and waits until it is ready. */
  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    if (!existsSync(BUILT_SERVER)) {
      throw new Error(`${BUILT_SERVER} is missing: fault tests run the built server; run \`npm run build\` first (npm test does).`);
    }
    const port = await freePort();
    const child = spawn(process.execPath, [BUILT_SERVER], {
      cwd: WORKSPACE,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        BEACON_DATABASE_URL: databaseUrl,
        BEACON_HOST: '127.0.0.1',
        BEACON_PORT: String(port),
        BEACON_ADMIN_KEY: TEST_ADMIN_KEY,
        BEACON_RATE_LIMIT_PER_SECOND: '1000000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    await server.ready(60_000);
    return server;
  }

  /** The server's process id, to find the processes it started. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  get log(): string {
    return this.output;
  }

  /** Waits until `/health/ready` answers 200. */
  async ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the server exited with ${this.child.exitCode}:\n${this.output}`);
      const status = await fetch(`${this.url}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      if (Date.now() > deadline) throw new Error(`the server was not ready within ${timeoutMs} ms:\n${this.output}`);
      await sleep(100);
    }
  }

  /** Sends `signal` unless the process has already exited; resolves once it has. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
