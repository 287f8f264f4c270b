import type { Pool, PoolClient } from 'pg';
import { lockCheckpoint, readCheckpoint, saveCheckpoint } from './checkpoints';
import { DeferredStatements } from './deferred-statements';
import type { EventStore } from './event-store';
import { FollowLoop, type FollowOptions, type HandledBatch } from './follow-loop';
import type { RecordedEvent } from './recorded-event';
import { inTransaction } from './transaction';

export interface SubscriptionOptions extends FollowOptions {
  /** Names the checkpoint; one name = one position in the log. */
  name: string;
  /** Applies a batch; runs in the transaction that also stores the checkpoint. Must be idempotent. */
  handle: (events: RecordedEvent[], client: PoolClient, after: bigint) => Promise<void>;
  batchSize?: number;
  /**
   * The handler writes to another store over the network: it runs before any transaction, with a
   * client whose statements are deferred to the short transaction that stores the checkpoint
   * (`DeferredStatements`). Its writes must then be safe to repeat and to race (versioned).
   */
  handleOutsideTransaction?: boolean;
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * Follows the event log in global order: woken by LISTEN/NOTIFY, reads a batch, hands it to the
 * handler and stores the checkpoint in the same transaction. A crash between batches repeats at
 * most the batch in flight (at-least-once, hence idempotent handlers); nothing is skipped. A batch
 * that fails (the handler's store is down, say) is retried with exponential backoff: quick after a
 * blip, without hammering a store that is down for longer.
 */
export class Subscription {
  private readonly loop: FollowLoop;
  private readonly batchSize: number;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly options: SubscriptionOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.loop = new FollowLoop(pool.options, () => this.processBatch(), options);
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async processBatch(): Promise<HandledBatch> {
    if (this.options.handleOutsideTransaction) return this.processBatchOutsideTransaction();
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

  /**
   * Reads and applies a batch with no transaction open, then stores the checkpoint (and whatever
   * the handler deferred) in a short one — unless another process moved the checkpoint meanwhile
   * (a leader that lost its lead mid-batch): then the batch's writes, versioned, changed nothing
   * the other's did not, and this process leaves the checkpoint where the other put it.
   */
  private async processBatchOutsideTransaction(): Promise<HandledBatch> {
    const started = performance.now();
    const { name } = this.options;
    const after = await readCheckpoint(this.pool, name);
    const events = await this.store.readAll(after, this.batchSize);
    const last = events[events.length - 1];
    if (!last) return { events, seconds: (performance.now() - started) / 1000, full: false };
    const deferred = new DeferredStatements();
    await this.options.handle(events, deferred.asClient(), after);
    const stored = await inTransaction(this.pool, async (client) => {
      if ((await lockCheckpoint(client, name)) !== after) return false;
      await deferred.runIn(client);
      await saveCheckpoint(client, name, last.globalPosition);
      return true;
    });
    const handled = stored ? events : [];
    return { events: handled, seconds: (performance.now() - started) / 1000, full: handled.length >= this.batchSize };
  }
}
