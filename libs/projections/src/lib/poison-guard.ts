import type { RecordedEvent } from '@beacon/event-store';
import type { ReadModelProjection } from '@beacon/read-models';
import type { PoolClient } from 'pg';
import { recordDeadLetter } from './dead-letters';

export interface PoisonGuardOptions {
  /** The projection's checkpoint name, under which dead letters are recorded. */
  name: string;
  /** Times an event is tried alone, each refused for its data, before it is set aside. */
  deadLetterAfter: number;
  /** After an event was recorded as a dead letter (in the batch's transaction). Must not throw. */
  onDeadLettered?: (event: RecordedEvent, error: Error, attempts: number) => void;
  /**
   * Every batch under savepoints from the start, for work that is not retried as a whole (a
   * rebuild's replay); otherwise only after a batch was refused for its data.
   */
  eager?: boolean;
}

/** One event the read model refused, and what it said. */
interface Refusal {
  index: number;
  error: Error;
}

/**
 * Applies batches so that an event the read model keeps refusing for its data (decision 025)
 * cannot stop the projection: a batch refused for its data is tried again in halves, down to the
 * event that fails alone; that event is tried again with the batch's usual backoff and, refused
 * `deadLetterAfter` times, recorded as a dead letter — in the transaction that moves the
 * checkpoint past it — while every other event of the batch is applied. Errors the projection
 * does not call data errors (a store that is down, a timeout) pass straight through: they are
 * retried with backoff as before, never set aside.
 *
 * The halves run under savepoints, so a PostgreSQL read model keeps what applied and drops what
 * failed; an Elasticsearch one writes idempotently, so re-applying is harmless. Happy batches
 * pay nothing: halving starts only after a batch was refused for its data.
 */
export class PoisonGuard implements ReadModelProjection {
  private isolating = false;
  private readonly failures = new Map<bigint, { attempts: number; firstFailedAt: Date }>();

  constructor(
    private readonly projection: ReadModelProjection,
    private readonly options: PoisonGuardOptions,
  ) {}

  async apply(events: RecordedEvent[], tx: PoolClient, after?: bigint): Promise<void> {
    if (!this.isolating && this.options.eager !== true) {
      try {
        await this.projection.apply(events, tx, after);
        return;
      } catch (error) {
        if (this.isDataError(error)) this.isolating = true; // next time, find the event
        throw error;
      }
    }
    await this.applyAround(events, tx, after);
    this.isolating = false;
  }

  get transactional(): boolean | undefined {
    return this.projection.transactional;
  }

  reset(): void {
    this.failures.clear();
    this.projection.reset?.();
  }

  isDataError(error: unknown): boolean {
    return this.projection.isDataError?.(error) === true;
  }

  /** Applies every event but those refused `deadLetterAfter` times, which become dead letters. */
  private async applyAround(events: RecordedEvent[], tx: PoolClient, after: bigint | undefined): Promise<void> {
    let rest = events;
    let from = after;
    while (rest.length > 0) {
      const refusal = await this.applyUpToRefusal(rest, tx, from);
      if (!refusal) return;
      const event = rest[refusal.index];
      if (!event) throw refusal.error; // the index is always one of `rest`'s
      const failure = this.failures.get(event.globalPosition) ?? { attempts: 0, firstFailedAt: new Date() };
      failure.attempts++;
      this.failures.set(event.globalPosition, failure);
      if (failure.attempts < this.options.deadLetterAfter) throw refusal.error;
      await recordDeadLetter(tx, this.options.name, event, {
        error: refusal.error.message,
        attempts: failure.attempts,
        firstFailedAt: failure.firstFailedAt,
      });
      this.failures.delete(event.globalPosition);
      this.options.onDeadLettered?.(event, refusal.error, failure.attempts);
      from = event.globalPosition;
      rest = rest.slice(refusal.index + 1);
    }
  }

  /**
   * Applies `events` up to the first one refused alone, which it returns; null when all applied
   * (a batch may be refused whole and pass in halves: a request too big, say).
   */
  private async applyUpToRefusal(events: RecordedEvent[], tx: PoolClient, after: bigint | undefined): Promise<Refusal | null> {
    const error = await this.tryApply(events, tx, after);
    if (!error) return null;
    if (events.length === 1) return { index: 0, error };
    const middle = Math.ceil(events.length / 2);
    const left = events.slice(0, middle);
    const inLeft = await this.applyUpToRefusal(left, tx, after);
    if (inLeft) return inLeft;
    const inRight = await this.applyUpToRefusal(events.slice(middle), tx, left.at(-1)?.globalPosition);
    return inRight ? { index: middle + inRight.index, error: inRight.error } : null;
  }

  /** Applies under a savepoint; returns a data error (rolled back to the savepoint), throws any other. */
  private async tryApply(events: RecordedEvent[], tx: PoolClient, after: bigint | undefined): Promise<Error | null> {
    await tx.query('SAVEPOINT poison_guard');
    try {
      await this.projection.apply(events, tx, after);
      await tx.query('RELEASE SAVEPOINT poison_guard');
      return null;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT poison_guard; RELEASE SAVEPOINT poison_guard');
      if (!this.isDataError(error)) throw error;
      return error as Error;
    }
  }
}
