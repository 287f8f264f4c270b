import { types } from 'pg';
import { HEARTBEAT_AS_JSON, heartbeatEvent, type HeartbeatTuple } from './heartbeat-row';
import type { RecordedEvent } from './recorded-event';

/** A lifecycle event as one JSON array, like `HEARTBEAT_AS_JSON`: the two differ in length. */
const LIFECYCLE_AS_JSON = `json_build_array(global_position::text, stream_id, stream_position, type, data, metadata,
  date_part('epoch', recorded_at) * 1000)`;

type LifecycleTuple = [
  globalPosition: string,
  streamId: string,
  streamPosition: number,
  type: string,
  data: Record<string, unknown>,
  metadata: Record<string, unknown>,
  recordedMs: number,
];

const LIFECYCLE_TUPLE_LENGTH = 7;

/**
 * The highest position a read may go up to: every append that drew a position at or below it has
 * ended (decision 041). A statement of its own, before the read, so that the read's snapshot is
 * taken after it and sees every commit at or below it.
 */
export const LOG_HORIZON_SQL = 'SELECT beacon_log_horizon() AS horizon';

/**
 * Up to $2 events after position $1 and at most at $3 (the log's horizon), in global order: one
 * statement over both tables, so both are read in one snapshot; each branch is an index range
 * scan, merged by position. Each row is one JSON column: the event as an array.
 */
export const READ_ALL_SQL = `SELECT event FROM (
    (SELECT global_position, ${LIFECYCLE_AS_JSON} AS event
       FROM events WHERE global_position > $1 AND global_position <= $3 ORDER BY global_position LIMIT $2)
    UNION ALL
    (SELECT global_position, ${HEARTBEAT_AS_JSON}
       FROM heartbeats WHERE global_position > $1 AND global_position <= $3 ORDER BY global_position LIMIT $2)
  ) merged ORDER BY global_position LIMIT $2`;

/** A row of `READ_ALL_SQL` with `READ_ALL_TYPES`: the event itself (rowMode 'array'). */
export type LogRow = [RecordedEvent];

function logEvent(json: string): RecordedEvent {
  const tuple = JSON.parse(json) as HeartbeatTuple | LifecycleTuple;
  if (tuple.length !== LIFECYCLE_TUPLE_LENGTH) return heartbeatEvent(tuple);
  const [globalPosition, streamId, streamPosition, type, data, metadata, recordedMs] = tuple;
  return {
    globalPosition: BigInt(globalPosition),
    streamId,
    streamPosition,
    type,
    data,
    metadata,
    recordedAt: new Date(Math.round(recordedMs)),
  };
}

const JSON_OID = 114;

/**
 * pg's type parsers for `READ_ALL_SQL`: the JSON column becomes the event as its row arrives, so
 * Node shapes the events of a page while PostgreSQL is still producing the rest of it.
 */
export const READ_ALL_TYPES = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === JSON_OID ? logEvent : types.getTypeParser(oid, format)),
};
