import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CopyTuples } from './copy-tuples';
import { HEARTBEAT_READ_COLUMNS, HEARTBEAT_READ_COLUMN_COUNT, HEARTBEAT_READ_NULLS, heartbeatEvent } from './heartbeat-row';
import type { RecordedEvent } from './recorded-event';

/**
 * The highest position a read may go up to: every append that drew a position at or below it has
 * ended (decision 041). A statement of its own, before the read, so that the read's snapshot is
 * taken after it and sees every commit at or below it.
 */
export const LOG_HORIZON_SQL = 'SELECT beacon_log_horizon() AS horizon';

/** Every row of the read starts with these; a lifecycle event's own columns follow. */
const SHARED_COLUMNS = 'global_position, recorded_at';
const LIFECYCLE_COLUMNS = 'stream_id, stream_position, type, data, metadata';
const LIFECYCLE_NULLS = 'NULL::text, NULL::integer, NULL::text, NULL::jsonb, NULL::jsonb';
/** The fields of a row: shared, lifecycle, heartbeat; a row is one kind, the other's are NULL. */
const STREAM_ID_FIELD = 2;
const HEARTBEAT_FIRST_FIELD = 7;
const LOG_FIELD_COUNT = HEARTBEAT_FIRST_FIELD + HEARTBEAT_READ_COLUMN_COUNT;

/**
 * Up to `limit` events after position `after` and at most at `upTo` (the log's horizon), in global
 * order: one statement over both tables, so both are read in one snapshot; each branch is an index
 * range scan, merged by position. It is a binary COPY (decision 045): PostgreSQL sends numbers and
 * times as the bytes it holds instead of writing them out as text, and Node reads them straight
 * from the buffer. COPY takes no parameters, so the three bounds are written in: numbers only.
 */
export function readAllStatement(after: bigint, limit: number, upTo: bigint): string {
  // The types say so already; checked again because these go into SQL as they are.
  if (typeof after !== 'bigint' || typeof upTo !== 'bigint') throw new TypeError('log positions must be bigints');
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`a read of ${limit} events`);
  const range = `global_position > ${after} AND global_position <= ${upTo} ORDER BY global_position LIMIT ${limit}`;
  return `COPY (SELECT * FROM (
    (SELECT ${SHARED_COLUMNS}, ${LIFECYCLE_COLUMNS}, ${HEARTBEAT_READ_NULLS} FROM events WHERE ${range})
    UNION ALL
    (SELECT ${SHARED_COLUMNS}, ${LIFECYCLE_NULLS}, ${HEARTBEAT_READ_COLUMNS} FROM heartbeats WHERE ${range})
  ) merged ORDER BY global_position LIMIT ${limit}) TO STDOUT (FORMAT binary)`;
}

/**
 * The events of `readAllStatement`, on `client`. Each tuple becomes its event as its bytes arrive,
 * so Node shapes the first rows of a page while PostgreSQL still produces the rest (decision 015).
 */
export async function readLogPage(client: ClientBase, after: bigint, limit: number, upTo: bigint): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const tuples = new CopyTuples(LOG_FIELD_COUNT, (tuple) => events.push(logEvent(tuple)));
  for await (const chunk of client.query(copyTo(readAllStatement(after, limit, upTo)))) tuples.push(chunk as Buffer);
  tuples.end();
  return events;
}

function logEvent(tuple: CopyTuples): RecordedEvent {
  const globalPosition = tuple.int8(0);
  const recordedAt = new Date(tuple.timestampMs(1));
  if (tuple.isNull(STREAM_ID_FIELD)) return heartbeatEvent(globalPosition, recordedAt, tuple, HEARTBEAT_FIRST_FIELD);
  return {
    globalPosition,
    streamId: tuple.text(STREAM_ID_FIELD),
    streamPosition: tuple.int4(STREAM_ID_FIELD + 1),
    type: tuple.text(STREAM_ID_FIELD + 2),
    data: tuple.jsonb(STREAM_ID_FIELD + 3) as Record<string, unknown>,
    metadata: tuple.jsonb(STREAM_ID_FIELD + 4) as Record<string, unknown>,
    recordedAt,
  };
}
