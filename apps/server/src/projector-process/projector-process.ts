import { Logger } from '@nestjs/common';
import { fork, type ChildProcess } from 'node:child_process';
import { PROJECTOR_PROCESS_FLAG } from './projector-apart';

/** The first restart waits this long; each quick failure doubles it, up to the maximum. */
const FIRST_RESTART_MS = 1000;
const MAX_RESTART_MS = 30_000;
/** A process that ran this long was healthy: its next failure restarts it after the first delay again. */
const HEALTHY_AFTER_MS = 60_000;
/** How long a stopping projector may finish its batch before it is killed. */
const STOP_GRACE_MS = 10_000;

const logger = new Logger('ProjectorProcess');

/**
 * The projector of an all-in-one server, in a child process of the same build (decision 036): it
 * is started with the server, started again with backoff whenever it exits, and stopped before the
 * server stops its database. The child exits by itself when the server goes away (`main.ts`).
 */
export class ProjectorProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restartDelayMs = FIRST_RESTART_MS;
  private restartTimer: NodeJS.Timeout | null = null;
  private restartCount = 0;

  /** `script` is the server's own entry point; `env` the child's whole environment. */
  constructor(
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Times the projector process was started again after it exited. */
  get restarts(): number {
    return this.restartCount;
  }

  start(): void {
    const startedAt = Date.now();
    const child = fork(this.script, [PROJECTOR_PROCESS_FLAG], {
      env: this.env,
      // Its lines go to the server's stdout and stderr as they are written, not through this thread.
      stdio: 'inherit',
      // A debugger's port is the server's: a second process asking for it would fail to start.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
    });
    this.child = child;
    logger.log(`projector running in process ${child.pid ?? '?'}`);
    child.once('error', (error) => logger.error(`projector process: ${error.message}`));
    child.once('exit', (code, signal) => {
      this.child = null;
      if (this.stopping) return;
      if (Date.now() - startedAt >= HEALTHY_AFTER_MS) this.restartDelayMs = FIRST_RESTART_MS;
      const delayMs = this.restartDelayMs;
      this.restartDelayMs = Math.min(delayMs * 2, MAX_RESTART_MS);
      logger.warn(`projector process ${child.pid ?? '?'} exited (${signal ?? `code ${code}`}); starting it again in ${delayMs} ms`);
      this.restartTimer = setTimeout(() => {
        this.restartCount++;
        this.start();
      }, delayMs);
    });
  }

  /** Stops the projector (SIGTERM, then SIGKILL after a grace period) and starts it no more. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(kill);
    logger.log('projector process stopped');
  }
}
