import type { Pool } from 'pg';
import type { EventStore } from './event-store';
import { FollowLoop, type FollowOptions, type HandledBatch } from './follow-loop';
import type { RecordedEvent } from './recorded-event';

export interface LogTailOptions extends FollowOptions {
  /** Where to start: events after this position are handed over. */
  after: bigint;
  /** Applies a batch in memory. A batch that throws is read again after a backoff. */
  handle: (events: RecordedEvent[]) => void | Promise<void>;
  batchSize?: number;
}

/**
 * Follows the log like a subscription, but keeps its place in memory: for state that every
 * process rebuilds for itself at start (the live stream's fleet), where a stored checkpoint would
 * be one more write per batch for nothing.
 */
export class LogTail {
  private readonly loop: FollowLoop;
  private readonly batchSize: number;
  private after: bigint;

  constructor(
    pool: Pool,
    private readonly store: EventStore,
    private readonly options: LogTailOptions,
  ) {
    this.after = options.after;
    this.batchSize = options.batchSize ?? 5_000;
    this.loop = new FollowLoop(pool.options, () => this.step(), options);
  }

  /** The position of the last event handed over. */
  get position(): bigint {
    return this.after;
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async step(): Promise<HandledBatch> {
    const started = performance.now();
    const events = await this.store.readAll(this.after, this.batchSize);
    const last = events[events.length - 1];
    if (last) {
      await this.options.handle(events);
      this.after = last.globalPosition;
    }
    return { events, seconds: (performance.now() - started) / 1000, full: events.length >= this.batchSize };
  }
}
