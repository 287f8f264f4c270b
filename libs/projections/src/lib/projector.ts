import { type EventStore, type FailureStreak, type RecordedEvent, Subscription, type SubscriptionOptions } from '@beacon/event-store';
import type { ReadModelProjection, ReadModelRebuilds } from '@beacon/read-models';
import type { Pool } from 'pg';
import { retryDeadLetters } from './dead-letter-retry';
import { LeaderElection } from './leader-election';
import { readLogHead } from './log-head';
import { ProjectionProgress } from './projection-progress';
import { PoisonGuard } from './poison-guard';
import { runRebuild } from './projection-rebuild';
import { claimRebuild, failAbandonedRebuilds, finishRebuild, recordRebuildProgress } from './rebuild-requests';

/** Nest's `Logger` and `console` both fit. */
export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Hooks for metrics; none may throw. */
export interface ProjectorObserver {
  leadershipChanged?(leader: boolean): void;
  batchProjected?(events: number, seconds: number): void;
  batchFailed?(error: Error): void;
  /** An event set aside as a dead letter after the read model refused it `attempts` times. */
  eventDeadLettered?(event: RecordedEvent, error: Error, attempts: number): void;
}

export interface ProjectorOptions {
  pool: Pool;
  store: EventStore;
  /** Names both the election and the checkpoint. */
  name: string;
  projection: ReadModelProjection;
  batchSize?: number;
  logger?: ProjectorLogger;
  observer?: ProjectorObserver;
  /** Backoff of a failing batch (default 100 ms doubling to 5 s). */
  retry?: SubscriptionOptions['retry'];
  /** A read model that can be rebuilt with zero downtime; without it rebuild requests wait. */
  rebuilds?: ReadModelRebuilds;
  /** How often the leader looks for rebuild and dead-letter retry requests (default 1 s). */
  rebuildPollMs?: number;
  /**
   * Times an event the read model refuses for its data (not for being down) is tried alone
   * before it is set aside as a dead letter and the projection goes on (default 3).
   */
  deadLetterAfter?: number;
  election?: { retryMs?: number; checkIntervalMs?: number };
}

export interface ProjectorStatus {
  leader: boolean;
  checkpoint: bigint;
  lastProjectedRecordedAt: Date | null;
  behind: boolean;
}

/** A rebuild replays in bigger batches than live projection: nobody waits for each one. */
const REBUILD_BATCH_SIZE = 50_000;
/** Rebuild progress is stored every this many events, for whoever asks how far it is. */
const PROGRESS_EVERY = 50_000;

/** Tries before an event the read model keeps refusing becomes a dead letter. */
const DEAD_LETTER_AFTER = 3;

/** The log head is looked at no more than once a second, however often lag is asked for. */
const LOOK_INTERVAL_MS = 1000;

/**
 * Runs one projection in one process at a time: campaigns for leadership of `name` and, while it
 * leads, follows the log with a checkpointed Subscription whose handler is `projection.apply`.
 * Deposed, it stops following; a failing batch is retried with backoff and logged once per streak.
 */
export class Projector {
  private readonly election: LeaderElection;
  private readonly progress = new ProjectionProgress();
  private readonly logger: ProjectorLogger;
  /** The projection behind a guard that sets aside events it keeps refusing (decision 025). */
  private readonly guarded: PoisonGuard;
  private subscription: Subscription | null = null;
  private leading = false;
  private requestTimer: NodeJS.Timeout | null = null;
  private rebuilding: Promise<void> | null = null;
  private retrying: Promise<void> | null = null;
  private lookedAt = Number.NEGATIVE_INFINITY;
  private lookFailing = false;

  constructor(private readonly options: ProjectorOptions) {
    this.logger = options.logger ?? console;
    this.guarded = this.guard(options.projection, options.deadLetterAfter ?? DEAD_LETTER_AFTER);
    this.election = new LeaderElection({
      connection: options.pool.options,
      name: options.name,
      ...options.election,
      onElected: () => this.follow(),
      onDeposed: () => this.unfollow(),
      onError: (error) => this.logger.warn(`leader election of ${options.name}: ${error.message}`),
    });
  }

  /** Resolves after the first try for leadership: a process alone is following the log by then. */
  start(): Promise<void> {
    return this.election.start();
  }

  stop(): Promise<void> {
    return this.election.stop();
  }

  status(): ProjectorStatus {
    const { checkpoint, lastProjectedRecordedAt, behind } = this.progress;
    return { leader: this.election.isLeader, checkpoint, lastProjectedRecordedAt, behind };
  }

  /**
   * now − recorded time of the oldest event not yet projected, 0 when caught up (README: "Lag").
   * Looks at the log head when the last look is a second old; otherwise answers from memory.
   */
  async lagMs(now: Date = new Date()): Promise<number> {
    if (now.getTime() - this.lookedAt >= LOOK_INTERVAL_MS) {
      this.lookedAt = now.getTime();
      await this.lookAtLogHead();
    }
    return this.progress.lagMs(now);
  }

  private async lookAtLogHead(): Promise<void> {
    try {
      this.progress.observed(await readLogHead(this.options.pool, this.options.store, this.options.name));
      this.lookFailing = false;
    } catch (error) {
      // Keep what was known: a waiting event already seen keeps the lag growing through an outage.
      if (!this.lookFailing) this.logger.warn(`cannot read the lag of ${this.options.name}: ${(error as Error).message}`);
      this.lookFailing = true;
    }
  }

  private async follow(): Promise<void> {
    const { name, observer, rebuilds, pool } = this.options;
    this.logger.log(`leading projection ${name}`);
    this.leading = true;
    this.guarded.reset();
    observer?.leadershipChanged?.(true);
    await this.startSubscription();
    if (rebuilds) await failAbandonedRebuilds(pool, name);
    this.requestTimer = setInterval(() => {
      void this.lookForRebuild();
      void this.lookForRetries();
    }, this.options.rebuildPollMs ?? 1000);
  }

  private async unfollow(): Promise<void> {
    this.leading = false;
    if (this.requestTimer) clearInterval(this.requestTimer);
    this.requestTimer = null;
    await this.rebuilding; // it notices the lost lead at its next batch and gives up
    await this.retrying;
    await this.stopSubscription();
    this.progress.stopped();
    this.options.observer?.leadershipChanged?.(false);
    this.logger.log(`no longer leading projection ${this.options.name}`);
  }

  private async startSubscription(): Promise<void> {
    const { name, observer } = this.options;
    const projection = this.guarded;
    const subscription = new Subscription(this.options.pool, this.options.store, {
      name,
      batchSize: this.options.batchSize ?? 1000,
      retry: this.options.retry,
      handle: (events, tx, after) => projection.apply(events, tx, after),
      handleOutsideTransaction: projection.transactional === false,
      onBatch: (batch) => {
        this.progress.projected(batch);
        observer?.batchProjected?.(batch.events.length, batch.seconds);
      },
      onError: (error, streak) => this.failed(error, streak),
      onRecover: (failures) => this.logger.log(`projection ${name} recovered after ${failures} failed attempts`),
    });
    this.subscription = subscription;
    await subscription.start();
  }

  private async stopSubscription(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  /** Runs the oldest waiting rebuild request, one at a time, while this process leads. */
  private async lookForRebuild(): Promise<void> {
    const { pool, name, rebuilds, store } = this.options;
    if (this.rebuilding || !rebuilds || !this.leading) return;
    let done: () => void = () => undefined;
    this.rebuilding = new Promise((resolve) => (done = resolve));
    try {
      const request = await claimRebuild(pool, name);
      if (!request) return;
      this.logger.log(`rebuilding projection ${name} (request ${request.id})`);
      let lastReport = 0;
      try {
        const events = await runRebuild({
          pool,
          store,
          name,
          rebuilds,
          // A replay meets every event again: one the new copy refuses is set aside at once.
          guard: (projection) => this.guard(projection, 1, true),
          batchSize: REBUILD_BATCH_SIZE,
          live: { pause: () => this.stopSubscription(), resume: () => this.resumeAfterRebuild(), leading: () => this.leading },
          onProgress: (replayed) => {
            if (replayed - lastReport < PROGRESS_EVERY) return;
            lastReport = replayed;
            void recordRebuildProgress(pool, request.id, replayed).catch(() => undefined);
          },
        });
        await finishRebuild(pool, request.id, { events });
        this.logger.log(`rebuilt projection ${name}: ${events} events replayed (request ${request.id})`);
      } catch (error) {
        const message = (error as Error).message;
        await finishRebuild(pool, request.id, { events: lastReport, error: message }).catch(() => undefined);
        this.logger.error(`rebuild of projection ${name} failed (request ${request.id}): ${message}`);
      }
    } catch (error) {
      this.logger.warn(`cannot look for rebuild requests of ${name}: ${(error as Error).message}`);
    } finally {
      this.rebuilding = null;
      done();
    }
  }

  /** Applies the dead letters whose retry was asked for, one pass at a time, while this process leads. */
  private async lookForRetries(): Promise<void> {
    const { pool, store, name, projection } = this.options;
    if (this.retrying || !this.leading) return;
    let done: () => void = () => undefined;
    this.retrying = new Promise((resolve) => (done = resolve));
    try {
      const { applied, refused } = await retryDeadLetters({ pool, store, name, projection });
      if (applied.length > 0) this.logger.log(`projection ${name} applied retried dead letters at positions ${applied.join(', ')}`);
      if (refused.length > 0)
        this.logger.warn(`projection ${name} was refused again retried dead letters at positions ${refused.join(', ')}`);
    } catch (error) {
      this.logger.warn(`cannot retry dead letters of ${name}: ${(error as Error).message}`);
    } finally {
      this.retrying = null;
      done();
    }
  }

  private guard(projection: ReadModelProjection, deadLetterAfter: number, eager = false): PoisonGuard {
    const { name, observer } = this.options;
    return new PoisonGuard(projection, {
      name,
      deadLetterAfter,
      eager,
      onDeadLettered: (event, error, attempts) => {
        this.logger.error(
          `projection ${name} set aside event ${event.globalPosition} (${event.type} in ${event.streamId}) as a dead letter ` +
            `after ${attempts} refusals, and goes on: ${error.message}`,
        );
        observer?.eventDeadLettered?.(event, error, attempts);
      },
    });
  }

  private async resumeAfterRebuild(): Promise<void> {
    if (this.leading) await this.startSubscription();
  }

  /** One log line per streak of failed batches; the observer counts every one. */
  private failed(error: Error, streak?: FailureStreak): void {
    const { name, observer } = this.options;
    if (!streak) {
      this.logger.warn(`projection ${name}: ${error.message}`);
      return;
    }
    observer?.batchFailed?.(error);
    if (streak.failures === 1) {
      this.logger.error(`projection ${name} failed, retrying with backoff from ${streak.retryInMs} ms: ${error.message}`);
    }
  }
}
