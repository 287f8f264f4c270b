import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

/** A line the child wrote, with when the parent read it. */
export interface ChildMessage {
  leader?: boolean;
  started?: boolean;
  projected?: number;
  /** The child's clock when it wrote the line. */
  at: number;
  receivedAt: number;
}

const WORKSPACE = resolve(__dirname, '../../../..');

/**
 * Runs assets-projector.child.ts in a process of its own, so a test can SIGKILL a leader. The TS
 * source is compiled on the fly as in the test run's global setup: ts-node, transpile only, with
 * the workspace's path aliases (tsconfig-paths, which Nx itself depends on).
 */
export class ProjectorProcess {
  readonly messages: ChildMessage[] = [];
  readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(private readonly child: ChildProcess & { stdout: Readable; stderr: Readable }) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.messages.push({ ...(JSON.parse(line) as Omit<ChildMessage, 'receivedAt'>), receivedAt: Date.now() });
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
  }

  /** With `elasticsearch`, the child projects into Elasticsearch and runs rebuilds. */
  static spawn(databaseUrl: string, name: string, batchSize = 50, elasticsearch?: { url: string; prefix: string }): ProjectorProcess {
    const register = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
    const main = join(__dirname, 'assets-projector.child.ts');
    const child = spawn(
      process.execPath,
      [...register, main, databaseUrl, name, String(batchSize), ...(elasticsearch ? [elasticsearch.url, elasticsearch.prefix] : [])],
      {
        cwd: WORKSPACE,
        env: { ...process.env, TS_NODE_PROJECT: join(WORKSPACE, 'tsconfig.base.json'), TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs"}' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new ProjectorProcess(child);
  }

  get leader(): boolean {
    return this.messages.filter((m) => m.leader !== undefined).at(-1)?.leader === true;
  }

  /** The first message that matches, waiting up to `timeoutMs` for it. */
  async waitFor(matches: (message: ChildMessage) => boolean, timeoutMs: number, what: string): Promise<ChildMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(matches);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        const exit = this.child.exitCode ?? this.child.signalCode ?? 'none';
        throw new Error(`child ${this.child.pid}: no ${what} within ${timeoutMs} ms (exit: ${exit}); its stderr:\n${this.stderr}`);
      }
      await sleep(10); // the time that counts is `receivedAt`, taken as the line arrives
    }
  }

  /** Sends `signal` unless the process has already exited; resolves once it has. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
