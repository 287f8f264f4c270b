import type { Pool } from 'pg';
import { HeartbeatQueueFullError, isHeartbeatDataError } from './errors';
import { EventStore, type HeartbeatAppendResult } from './event-store';
import type { NewHeartbeat } from './heartbeat-row';

/** A row of an append that PostgreSQL would not take for its data: not stored, the others were. */
export interface RefusedHeartbeat {
  /** Its index in the rows given to `append`. */
  index: number;
  reason: string;
}

export interface HeartbeatWriteResult extends HeartbeatAppendResult {
  /** Rows refused for their own data (`stored` is false for them); usually none. */
  refused: RefusedHeartbeat[];
}

/** Per row: stored now (true), already in the log (false), or refused for its data. */
type RowOutcome = boolean | { refused: string };

export interface HeartbeatWriterOptions {
  /** A flush carries at most about this many rows (a single larger append goes alone). */
  maxBatchRows?: number;
  /**
   * How long the first waiting append may wait for company while a flush slot is free. 0 (the
   * default): until the end of the event loop's current turn, so every request read in the same
   * turn shares the flush, and none waits on a timer.
   */
  maxDelayMs?: number;
  /**
   * Flushes out at once, each its own transaction on its own connection (decision 014). They insert
   * side by side (decision 041): two keep PostgreSQL's two cores of this machine busy while Node
   * prepares the next batch.
   */
  maxFlushesInFlight?: number;
  /**
   * Rows that may wait for a flush; an append that would go beyond is refused at once with
   * `HeartbeatQueueFullError` (an append alone in an empty queue is always taken). Without a bound,
   * a stalled database turns every request into memory held until it recovers or the process dies.
   */
  maxQueuedRows?: number;
  /** Told about every flush: its rows, how long it took, and its error if it failed (for metrics). */
  onFlush?: (flush: { rows: number; seconds: number; error?: unknown }) => void;
  /** Told about every append refused because the queue was full, with its rows (for metrics). */
  onQueueFull?: (rows: number) => void;
}

interface Waiting {
  rows: NewHeartbeat[];
  resolve: (result: HeartbeatWriteResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for heartbeats: concurrent appends share one transaction (one statement and one
 * WAL flush), which is how one small machine stores tens of thousands of durable heartbeats a
 * second. Every promise settles after its flush: resolved once committed, or rejected when the
 * flush fails for the database or the connection (every caller of that flush then; a caller may
 * retry, duplicates are recognised). A flush that fails for some rows' data is halved until only
 * those rows fail: they are refused by index, and everyone else's rows are stored. While flushes
 * are out, the next batch gathers, and it is sent as soon as one of them ends.
 */
export class HeartbeatWriter {
  private readonly store: EventStore;
  private readonly maxBatchRows: number;
  private readonly maxDelayMs: number;
  private readonly maxFlushesInFlight: number;
  private readonly maxQueuedRows: number;
  private readonly onFlush: NonNullable<HeartbeatWriterOptions['onFlush']>;
  private readonly onQueueFull: NonNullable<HeartbeatWriterOptions['onQueueFull']>;
  private waiting: Waiting[] = [];
  private waitingRows = 0;
  /** Cancels the pending start of a flush (a timer or an immediate), if one is set. */
  private cancelPendingFlush: (() => void) | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(pool: Pool, options: HeartbeatWriterOptions = {}) {
    this.store = new EventStore(pool);
    this.maxBatchRows = options.maxBatchRows ?? 5_000;
    this.maxDelayMs = options.maxDelayMs ?? 0;
    this.maxFlushesInFlight = options.maxFlushesInFlight ?? 2;
    this.maxQueuedRows = options.maxQueuedRows ?? Number.POSITIVE_INFINITY;
    this.onFlush = options.onFlush ?? (() => undefined);
    this.onQueueFull = options.onQueueFull ?? (() => undefined);
  }

  append(rows: NewHeartbeat[]): Promise<HeartbeatWriteResult> {
    if (this.closed) return Promise.reject(new Error('the heartbeat writer is closed'));
    if (rows.length === 0) return Promise.resolve({ stored: [], refused: [] });
    if (this.waitingRows > 0 && this.waitingRows + rows.length > this.maxQueuedRows) {
      this.onQueueFull(rows.length);
      return Promise.reject(new HeartbeatQueueFullError(this.waitingRows));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.waitingRows += rows.length;
      if (this.waitingRows >= this.maxBatchRows) this.sendFlushes();
      else if (this.inFlight.size < this.maxFlushesInFlight) this.scheduleFlush(); // else a flush's end sends them
    });
  }

  /** Flushes what is waiting, then refuses new appends. */
  async close(): Promise<void> {
    this.closed = true;
    this.sendFlushes();
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /**
   * Once per gathering: a flush starts when the delay is over, or at the end of this turn of the
   * event loop. Starting at the end of the turn, not after a fixed delay, keeps a closed loop of
   * callers moving (decision 048: 8 % more single heartbeats a second); while both slots are busy
   * the next batch gathers anyway.
   */
  private scheduleFlush(): void {
    if (this.cancelPendingFlush) return;
    if (this.maxDelayMs > 0) {
      const timer = setTimeout(() => this.sendFlushes(), this.maxDelayMs);
      this.cancelPendingFlush = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(() => this.sendFlushes());
      this.cancelPendingFlush = () => clearImmediate(immediate);
    }
  }

  /** Sends what is waiting, a batch per free slot; a flush that ends sends the next batch at once. */
  private sendFlushes(): void {
    this.cancelPendingFlush?.();
    this.cancelPendingFlush = null;
    while (this.waiting.length > 0 && this.inFlight.size < this.maxFlushesInFlight) {
      const flush: Promise<void> = this.flush(this.takeBatch()).finally(() => {
        this.inFlight.delete(flush);
        this.sendFlushes();
      });
      this.inFlight.add(flush);
    }
  }

  /** Whole appends, oldest first, up to the row limit (but always at least one append). */
  private takeBatch(): Waiting[] {
    let rows = 0;
    let count = 0;
    for (const waiting of this.waiting) {
      if (count > 0 && rows + waiting.rows.length > this.maxBatchRows) break;
      rows += waiting.rows.length;
      count++;
    }
    this.waitingRows -= rows;
    return this.waiting.splice(0, count);
  }

  private async flush(batch: Waiting[]): Promise<void> {
    const rows = batch.flatMap((w) => w.rows);
    const started = performance.now();
    let outcomes: RowOutcome[];
    try {
      outcomes = await this.appendIsolatingBadRows(rows);
    } catch (error) {
      this.onFlush({ rows: rows.length, seconds: (performance.now() - started) / 1000, error });
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    this.onFlush({ rows: rows.length, seconds: (performance.now() - started) / 1000 });
    let offset = 0;
    for (const waiting of batch) {
      waiting.resolve(toWriteResult(outcomes.slice(offset, offset + waiting.rows.length)));
      offset += waiting.rows.length;
    }
  }

  /**
   * Appends the rows in one statement. When that fails for the data of some rows, each half is
   * appended on its own, down to single rows, so a few bad rows cost a few more statements and
   * fail alone. Any other failure is thrown (halves already committed stay committed).
   */
  private async appendIsolatingBadRows(rows: NewHeartbeat[]): Promise<RowOutcome[]> {
    try {
      return (await this.store.appendHeartbeats(rows)).stored;
    } catch (error) {
      if (!isHeartbeatDataError(error)) throw error;
      if (rows.length === 1) return [{ refused: (error as Error).message }];
      const middle = Math.ceil(rows.length / 2);
      const first = await this.appendIsolatingBadRows(rows.slice(0, middle));
      return [...first, ...(await this.appendIsolatingBadRows(rows.slice(middle)))];
    }
  }
}

function toWriteResult(outcomes: RowOutcome[]): HeartbeatWriteResult {
  const result: HeartbeatWriteResult = { stored: [], refused: [] };
  outcomes.forEach((outcome, index) => {
    if (typeof outcome === 'boolean') {
      result.stored.push(outcome);
    } else {
      result.stored.push(false);
      result.refused.push({ index, reason: outcome.refused });
    }
  });
  return result;
}
