import type { Pool, PoolClient } from 'pg';
import { lockCheckpoint, saveCheckpoint } from './checkpoints';
import type { EventStore } from './event-store';
import { LogListener } from './log-listener';
import type { RecordedEvent } from './recorded-event';
import { inTransaction } from './transaction';

/** Where a run of failed batches stands: `failures` in a row (1 starts a streak), next try in `retryInMs`. */
export interface FailureStreak {
  failures: number;
  retryInMs: number;
}

/** A batch that was handled and checkpointed. */
export interface HandledBatch {
  events: RecordedEvent[];
  /** Read, handled and committed, in seconds. */
  seconds: number;
  /** The batch filled `batchSize`, so more events are probably waiting. */
  full: boolean;
}

export interface SubscriptionOptions {
  /** Names the checkpoint; one name = one position in the log. */
  name: string;
  /** Applies a batch; runs in the transaction that also stores the checkpoint. Must be idempotent. */
  handle: (events: RecordedEvent[], client: PoolClient, after: bigint) => Promise<void>;
  batchSize?: number;
  /** The safety-net poll, for when a notification is lost. */
  pollIntervalMs?: number;
  /** A failed batch is retried after `initialMs`, doubling up to `maxMs`; a success resets it. */
  retry?: { initialMs?: number; maxMs?: number };
  /** Every failure: with its streak for a failed batch, without for trouble on the LISTEN connection. */
  onError?: (error: Error, streak?: FailureStreak) => void;
  /** The first success after `failures` failed batches. */
  onRecover?: (failures: number) => void;
  /** After each non-empty batch has committed. Callbacks must not throw. */
  onBatch?: (batch: HandledBatch) => void;
}

const DEFAULT_BATCH_SIZE = 500;

/** The pause before retry number `failures`: exponential, capped. */
export function retryDelay(failures: number, retry: SubscriptionOptions['retry'] = {}): number {
  const initial = retry.initialMs ?? 100;
  return Math.min(retry.maxMs ?? 5_000, initial * 2 ** Math.max(0, failures - 1));
}

/**
 * Follows the event log in global order: woken by LISTEN/NOTIFY, reads a batch, hands it to the
 * handler and stores the checkpoint in the same transaction. A crash between batches repeats at
 * most the batch in flight (at-least-once, hence idempotent handlers); nothing is skipped. A batch
 * that fails (the handler's store is down, say) is retried with exponential backoff: quick after a
 * blip, without hammering a store that is down for longer.
 */
export class Subscription {
  private readonly listener: LogListener;
  private readonly batchSize: number;
  /** Ends the current pause early; set only for pauses that a notification may cut short. */
  private wake: (() => void) | null = null;
  /** Ends the current pause of either kind: `stop()` must not wait out a backoff. */
  private interrupt: (() => void) | null = null;
  private pending = false;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly options: SubscriptionOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.listener = new LogListener(pool.options, () => this.signal(), (e) => this.options.onError?.(e));
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listener.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.loop;
    await this.listener.stop();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let batch: HandledBatch;
      try {
        batch = await this.processBatch();
      } catch (error) {
        failures++;
        const retryInMs = retryDelay(failures, this.options.retry);
        this.options.onError?.(error as Error, { failures, retryInMs });
        // Notifications keep coming while the handler's store is down; they must not cut the backoff short.
        await this.pause(retryInMs, false);
        continue;
      }
      if (failures > 0) this.options.onRecover?.(failures);
      failures = 0;
      if (batch.events.length > 0) this.options.onBatch?.(batch);
      if (!batch.full) await this.pause(this.options.pollIntervalMs ?? 1000, true);
    }
  }

  private async processBatch(): Promise<HandledBatch> {
    const started = performance.now();
    const events = await inTransaction(this.pool, async (client) => {
      const after = await lockCheckpoint(client, this.options.name);
      const batch = await this.store.readAll(after, this.batchSize, client);
      const last = batch[batch.length - 1];
      if (!last) return batch;
      await this.options.handle(batch, client, after);
      await saveCheckpoint(client, this.options.name, last.globalPosition);
      return batch;
    });
    return { events, seconds: (performance.now() - started) / 1000, full: events.length >= this.batchSize };
  }

  private signal(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Waits `ms`; a notification ends the wait early when `wakeOnNotify`, `stop()` always does. */
  private pause(ms: number, wakeOnNotify: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeOnNotify && this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        this.interrupt = null;
        if (wakeOnNotify) this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeOnNotify ? done : null;
      this.interrupt = done;
    });
  }
}
