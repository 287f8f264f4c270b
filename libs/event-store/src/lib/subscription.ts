import type { Pool, PoolClient } from 'pg';
import { lockCheckpoint, saveCheckpoint } from './checkpoints';
import type { EventStore } from './event-store';
import { LogListener } from './log-listener';
import type { RecordedEvent } from './recorded-event';
import { inTransaction } from './transaction';

export interface SubscriptionOptions {
  /** Names the checkpoint; one name = one position in the log. */
  name: string;
  /** Applies a batch; runs in the transaction that also stores the checkpoint. Must be idempotent. */
  handle: (events: RecordedEvent[], client: PoolClient) => Promise<void>;
  batchSize?: number;
  /** The safety-net poll, for when a notification is lost. */
  pollIntervalMs?: number;
  onError?: (error: Error) => void;
}

/**
 * Follows the event log in global order: woken by LISTEN/NOTIFY, reads a batch, hands it to the
 * handler and stores the checkpoint in the same transaction. A crash between batches repeats at
 * most the batch in flight (at-least-once, hence idempotent handlers); nothing is skipped.
 */
export class Subscription {
  private readonly listener: LogListener;
  private wake: (() => void) | null = null;
  private pending = false;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly options: SubscriptionOptions,
  ) {
    this.listener = new LogListener(pool.options, () => this.signal(), (e) => this.reportError(e));
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listener.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signal();
    await this.loop;
    await this.listener.stop();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let processed = 0;
      try {
        processed = await this.processBatch();
      } catch (error) {
        this.reportError(error as Error);
        await this.sleep(1000);
        continue;
      }
      if (processed < (this.options.batchSize ?? 500)) await this.sleep(this.options.pollIntervalMs ?? 1000);
    }
  }

  private async processBatch(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const after = await lockCheckpoint(client, this.options.name);
      const events = await this.store.readAll(after, this.options.batchSize ?? 500, client);
      const last = events[events.length - 1];
      if (!last) return 0;
      await this.options.handle(events, client);
      await saveCheckpoint(client, this.options.name, last.globalPosition);
      return events.length;
    });
  }

  private signal(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Waits for a notification or the poll interval, whichever comes first. */
  private sleep(ms: number): Promise<void> {
    if (this.pending || !this.running) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private reportError(error: Error): void {
    this.options.onError?.(error);
  }
}
