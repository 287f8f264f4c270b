import type { ClientBase, Pool } from 'pg';
import { ConcurrencyError, type ExpectedVersion } from './errors';
import { appendInOrder } from './global-order-lock';
import { DuplicateOutlook } from './duplicate-outlook';
import { HeartbeatPartitions, isMissingPartition } from './heartbeat-partitions';
import { HEARTBEAT_APPEND_SQL, heartbeatInsertParameters, type NewHeartbeat } from './heartbeat-row';
import { LOG_HORIZON_SQL, readLogPage } from './log-row';
import type { EventShape, NewEvent, RecordedEvent, UntypedEvent } from './recorded-event';

export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedVersion: ExpectedVersion;
}

export type { NewHeartbeat };

/** What an append to one stream produced. */
export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
  /** The global position of the last event appended (0 when there were none): what a reader waits for. */
  position: bigint;
}

export interface HeartbeatAppendResult {
  /** Per input row: true when stored now, false when it was already in the log. */
  stored: boolean[];
}

interface EventRow {
  global_position: string;
  stream_id: string;
  stream_position: number | null;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  globalPosition: BigInt(row.global_position),
  streamId: row.stream_id,
  streamPosition: row.stream_position,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});

/** The PostgreSQL event log (see README.md for the ordering guarantee). */
export class EventStore {
  private readonly partitions: HeartbeatPartitions;
  private readonly duplicates = new DuplicateOutlook();

  constructor(private readonly pool: Pool) {
    this.partitions = new HeartbeatPartitions(pool);
  }

  /** Appends to one stream atomically; returns the stream's new version and the last event's position. */
  async append(streamId: string, events: NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, events, expectedVersion: options.expectedVersion }]);
    return result ?? { version: 0, position: 0n };
  }

  /** Appends to several streams in one transaction: all or nothing. Returns each stream's result. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    return appendInOrder(this.pool, async (client) => {
      const results: AppendResult[] = [];
      for (const { streamId, events, expectedVersion } of appends) {
        const current = await this.streamVersionWith(client, streamId);
        assertExpected(streamId, expectedVersion, current);
        const position = await insertStreamEvents(client, streamId, current, events);
        results.push({ version: current + events.length, position });
      }
      return { result: results, wrote: true };
    });
  }

  /**
   * Stores heartbeats in one transaction, skipping the ones already stored. Concurrent callers
   * should share transactions through a `HeartbeatWriter` rather than call this one by one.
   */
  async appendHeartbeats(rows: NewHeartbeat[]): Promise<HeartbeatAppendResult> {
    if (rows.length === 0) return { stored: [] };
    await this.partitions.ensure(rows.map((r) => r.data.timestamp));
    try {
      return await this.insertHeartbeats(rows);
    } catch (error) {
      if (!isMissingPartition(error)) throw error;
      this.partitions.forget(); // retention dropped a partition we knew: create it again, once
      await this.partitions.ensure(rows.map((r) => r.data.timestamp));
      return this.insertHeartbeats(rows);
    }
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.streamVersionWith(this.pool, streamId);
  }

  private async insertHeartbeats(rows: NewHeartbeat[]): Promise<HeartbeatAppendResult> {
    // Not in an explicit transaction: the statement is one, marked in flight until its commit.
    // Named, so each pooled connection parses and plans it once rather than on every flush.
    const notStored = await this.pool.query<{ not_stored: number }>({
      name: 'beacon_append_heartbeats',
      text: HEARTBEAT_APPEND_SQL,
      values: [...heartbeatInsertParameters(rows), this.duplicates.expectsDuplicates()],
    });
    this.duplicates.appended(notStored.rows.length > 0);
    // Usually every row was new, and nothing comes back.
    if (notStored.rows.length === 0) return { stored: rows.map(() => true) };
    const duplicates = new Set(notStored.rows.map((row) => row.not_stored - 1));
    return { stored: rows.map((_, index) => !duplicates.has(index)) };
  }

  /**
   * A stream's events in order, typed as the events the caller names: each stream is written by one
   * decider (an asset's by the asset decider, …), so its caller knows which events it holds.
   */
  async readStream<E extends EventShape = UntypedEvent>(streamId: string): Promise<RecordedEvent<E>[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT global_position, stream_id, stream_position, type, data, metadata, recorded_at
         FROM events WHERE stream_id = $1 ORDER BY stream_position`,
      [streamId],
    );
    // The one place a stream's rows become its typed events (see above).
    return result.rows.map(toRecorded) as RecordedEvent<E>[];
  }

  /**
   * Up to `limit` events after `after`, in global order, none beyond the log's horizon: an event
   * still hidden in an append in flight is never passed over (decision 041). In a transaction, it
   * must be READ COMMITTED (PostgreSQL's default; the horizon refuses any other).
   */
  async readAll(after: bigint, limit: number, client?: ClientBase): Promise<RecordedEvent[]> {
    if (client) return readAllWith(client, after, limit);
    const pooled = await this.pool.connect();
    try {
      const events = await readAllWith(pooled, after, limit);
      pooled.release();
      return events;
    } catch (error) {
      // A read that failed may have left the connection inside its COPY: it is not reused.
      pooled.release(true);
      throw error;
    }
  }

  /**
   * Every event after `after`, a page of `pageSize` at a time, for readers catching up: the next
   * page is asked for (on another pooled connection) as soon as this one has arrived, so
   * PostgreSQL reads it while the caller works on this one. Each page starts after the last
   * position of the one before, so the order and completeness are readAll's.
   */
  async *readAllPages(after: bigint, pageSize: number): AsyncGenerator<RecordedEvent[]> {
    let next = this.readAll(after, pageSize);
    try {
      for (;;) {
        const page = await next;
        const last = page[page.length - 1];
        if (!last) return;
        next = this.readAll(last.globalPosition, pageSize);
        yield page;
      }
    } finally {
      // A caller that stops early leaves one read in flight; its outcome no longer matters.
      next.catch(() => undefined);
    }
  }

  private async streamVersionWith(client: Pick<ClientBase, 'query'>, streamId: string): Promise<number> {
    const result = await client.query<{ version: number | null }>(
      'SELECT max(stream_position) AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return result.rows[0]?.version ?? 0;
  }
}

function assertExpected(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (expected === 'any') return;
  const wanted = expected === 'no_stream' ? 0 : expected;
  if (wanted !== actual) throw new ConcurrencyError(streamId, expected, actual);
}

/** Returns the highest global position it was given (0 for no events). */
async function readAllWith(client: ClientBase, after: bigint, limit: number): Promise<RecordedEvent[]> {
  const horizon = await client.query<{ horizon: string }>({ name: 'beacon_log_horizon', text: LOG_HORIZON_SQL });
  const upTo = BigInt(horizon.rows[0]?.horizon ?? 0);
  if (upTo <= after) return [];
  return readLogPage(client, after, limit, upTo);
}

async function insertStreamEvents(client: ClientBase, streamId: string, version: number, events: NewEvent[]): Promise<bigint> {
  if (events.length === 0) return 0n;
  const inserted = await client.query<{ position: string }>(
    `WITH inserted AS (
       INSERT INTO events (stream_id, stream_position, type, data, metadata)
       SELECT $1, $2 + ordinal, type, data, metadata
         FROM unnest($3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS t(type, data, metadata, ordinal)
        ORDER BY ordinal
       RETURNING global_position)
     SELECT max(global_position) AS position FROM inserted`,
    [
      streamId,
      version,
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata ?? {})),
    ],
  );
  return BigInt(inserted.rows[0]?.position ?? 0);
}
