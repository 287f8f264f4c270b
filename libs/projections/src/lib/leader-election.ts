import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientConfig } from 'pg';
import { advisoryLockKey } from './advisory-lock-key';
import { LockSession } from './lock-session';

export interface LeaderElectionOptions {
  /** Where the dedicated lock connection goes (e.g. a pool's `options`). */
  connection: ClientConfig;
  /** One leader per name. */
  name: string;
  /** How often a follower tries for the lock. */
  retryMs?: number;
  /** How often a leader checks its connection, and how long the check may take. */
  checkIntervalMs?: number;
  onElected: () => Promise<void> | void;
  /** After every `onElected` (even one that threw), before the lock is let go. */
  onDeposed: () => Promise<void> | void;
  /** The first failure of a streak of failed attempts, a lost leader connection, a throwing callback. */
  onError?: (error: Error) => void;
}

/**
 * One leader per name among processes, by a PostgreSQL session advisory lock on a dedicated
 * connection. Followers try for the lock every `retryMs`; a leader whose connection errors, ends or
 * stops answering (a `SELECT 1` every `checkIntervalMs`) is deposed and campaigns again on a fresh
 * connection. A killed leader's backend ends with it, so a follower takes over within about
 * `retryMs`. Leadership spares work, it does not make it safe: a deposed leader may still be
 * finishing a batch, so the work itself must tolerate overlap (subscriptions lock their checkpoint).
 */
export class LeaderElection {
  private readonly key: bigint;
  private readonly retryMs: number;
  private readonly checkIntervalMs: number;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private leading = false;
  private failing = false;

  constructor(private readonly options: LeaderElectionOptions) {
    this.key = advisoryLockKey(options.name);
    this.retryMs = options.retryMs ?? 1000;
    this.checkIntervalMs = options.checkIntervalMs ?? 2000;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Resolves after the first attempt, so a process alone leads as soon as this returns. */
  async start(): Promise<void> {
    let attempted!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (attempted = resolve));
    this.loop = this.run(attempted);
    await firstAttempt;
  }

  /** Deposes this process if it leads (awaiting `onDeposed`), releases the lock and stops trying. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(attempted: () => void): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const session = await this.campaign(attempted);
      if (!session) break;
      await this.lead(session, attempted);
    }
    attempted();
  }

  /** Tries for the lock until it is won (the session holding it) or the election stops (null). */
  private async campaign(attempted: () => void): Promise<LockSession | null> {
    let session: LockSession | null = null;
    while (!this.stopping.signal.aborted) {
      try {
        if (!session || session.lost) session = await LockSession.open(this.options.connection, this.options.name);
        const won = await session.tryLock(this.key);
        this.failing = false;
        if (won) return session;
      } catch (error) {
        if (!this.failing) this.report(error);
        this.failing = true;
        session?.close();
        session = null;
      }
      attempted();
      await this.pause(this.retryMs, this.stopping.signal);
    }
    session?.close();
    return null;
  }

  private async lead(session: LockSession, attempted: () => void): Promise<void> {
    this.leading = true;
    let elected = true;
    try {
      await this.options.onElected();
    } catch (error) {
      this.report(error);
      elected = false;
    }
    attempted();
    if (elected) await this.holdWhileAlive(session);
    this.leading = false;
    try {
      await this.options.onDeposed();
    } catch (error) {
      this.report(error);
    }
    await session.release(this.key, this.checkIntervalMs);
    // A process that could not start its work steps aside for a while, so another one may lead.
    if (!elected) await this.pause(this.retryMs, this.stopping.signal);
  }

  /** Returns when the election stops or the connection is lost, by an error or a failed check. */
  private async holdWhileAlive(session: LockSession): Promise<void> {
    const term = new AbortController();
    let cause: Error | null = null;
    const end = (error: Error | null): void => {
      cause ??= error;
      term.abort();
    };
    const onStop = (): void => end(null);
    this.stopping.signal.addEventListener('abort', onStop, { once: true });
    if (this.stopping.signal.aborted) onStop(); // stopped while onElected ran: no 'abort' event to come
    session.onLost(end);
    try {
      while (!term.signal.aborted) {
        await this.pause(this.checkIntervalMs, term.signal);
        if (term.signal.aborted) break;
        try {
          await session.check(this.checkIntervalMs);
        } catch (error) {
          end(error as Error);
          session.close(); // a connection that does not answer is not asked to unlock either
        }
      }
    } finally {
      this.stopping.signal.removeEventListener('abort', onStop);
    }
    if (cause && !this.stopping.signal.aborted) {
      this.report(new Error(`lost the leadership of ${this.options.name}: ${(cause as Error).message}`));
    }
  }

  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    await sleep(ms, undefined, { signal }).catch(() => undefined);
  }

  private report(error: unknown): void {
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }
}
