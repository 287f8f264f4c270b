import type { HeartbeatRecorded } from '@beacon/domain';
import { BinaryArrays } from './binary-arrays';
import type { CopyTuples } from './copy-tuples';
import type { RecordedEvent } from './recorded-event';

export type HeartbeatData = HeartbeatRecorded['data'];

/** Where a heartbeat came from: the request's correlation id, its source format, when it arrived. */
export interface HeartbeatMetadata {
  correlationId: string;
  receivedAt: string;
  source: string;
}

/**
 * A heartbeat to store: its `HeartbeatRecorded` data and metadata, and the key that makes a re-sent
 * one a duplicate (the message id, or the timestamp when it has none).
 */
export interface NewHeartbeat {
  dedupeKey: string;
  data: HeartbeatData;
  metadata: HeartbeatMetadata;
}

/** Guesses at the parameters' size (19 array headers; ids, keys, times and numbers per row), so the buffer seldom grows. */
const HEADER_BYTES = 19 * 20;
const BYTES_PER_ROW = 320;

/**
 * Heartbeats dominate the log, so they are stored in typed columns rather than as JSON: rows are
 * about half the size, and PostgreSQL parses no JSON on the hot path (decision 006). Each column
 * goes as one array in PostgreSQL's binary format (decision 017), so neither side formats or
 * parses numbers and times as text.
 */
export function heartbeatInsertParameters(rows: readonly NewHeartbeat[]): Buffer[] {
  const arrays = new BinaryArrays(HEADER_BYTES + rows.length * BYTES_PER_ROW);
  return [
    arrays.text(rows, (r) => r.data.assetId),
    arrays.text(rows, (r) => r.dedupeKey),
    arrays.timestamptz(rows, (r) => r.data.timestamp),
    arrays.float8(rows, (r) => r.data.lat),
    arrays.float8(rows, (r) => r.data.lon),
    arrays.float8(rows, (r) => r.data.altitude),
    arrays.float8(rows, (r) => r.data.speed),
    arrays.float8(rows, (r) => r.data.heading),
    arrays.float8(rows, (r) => r.data.accuracy),
    arrays.float8(rows, (r) => r.data.battery),
    arrays.text(rows, (r) => r.data.messageId),
    arrays.float8(rows, (r) => r.data.verticalRate),
    arrays.bool(rows, (r) => r.data.onGround),
    arrays.text(rows, (r) => r.data.squawk),
    arrays.text(rows, (r) => r.data.callsign),
    arrays.text(rows, (r) => r.data.category),
    arrays.text(rows, (r) => r.metadata.correlationId),
    arrays.text(rows, (r) => r.metadata.source),
    arrays.timestamptz(rows, (r) => r.metadata.receivedAt),
  ];
}

/** The multi-row INSERT of heartbeats, without duplicate handling (the benchmark's baseline uses it as is). */
export const HEARTBEAT_PLAIN_INSERT_SQL = `
  INSERT INTO heartbeats (asset_id, dedupe_key, occurred_at, occurred_day, lat, lon, altitude, speed, heading,
                          accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign, category,
                          correlation_id, source, received_at)
  SELECT asset_id, dedupe_key, occurred_at, (occurred_at AT TIME ZONE 'UTC')::date, lat, lon, altitude, speed, heading,
         accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign, category, correlation_id, source,
         received_at
    FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[],
                $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::float8[], $13::boolean[], $14::text[],
                $15::text[], $16::text[], $17::text[], $18::text[], $19::timestamptz[])
         WITH ORDINALITY AS t(asset_id, dedupe_key, occurred_at, lat, lon, altitude, speed, heading, accuracy, battery,
                              message_id, vertical_rate, on_ground, squawk, callsign, category, correlation_id, source,
                              received_at, ordinal)
   ORDER BY ordinal`;

/**
 * Stores each heartbeat once and returns the rows that were not new (their 1-based places in the
 * batch, usually none): one statement (the function of migration 1764001900000) that marks itself
 * in flight, inserts and notifies, and is its own transaction when sent outside one. Flushes on
 * other connections insert beside it (decision 041). It inserts plainly and checks row by row only
 * after meeting a duplicate, or at once when `$20` says duplicates are expected (decision 044).
 * Parameters are `heartbeatInsertParameters`, then that flag.
 */
export const HEARTBEAT_APPEND_SQL = `
  SELECT not_stored
    FROM beacon_append_heartbeats_v4($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`;

/** The last `receivedAt` met, and its ISO string. */
let lastReceivedMs = Number.NaN;
let lastReceivedIso = '';

/**
 * `receivedAt` as an ISO string: every heartbeat of a request has the same, so the log holds runs
 * of it, and one string serves the run: formatting took about 0.45 µs of the 5 Node spends on each
 * heartbeat read back (catch-up 3–5 % faster in alternating scratch runs).
 */
function receivedAtIso(ms: number): string {
  if (ms !== lastReceivedMs) {
    lastReceivedIso = new Date(ms).toISOString();
    lastReceivedMs = ms;
  }
  return lastReceivedIso;
}

/** The heartbeat columns `heartbeatEvent` reads, in its order, with their types. */
const HEARTBEAT_READ: readonly (readonly [column: string, type: string])[] = [
  ['asset_id', 'text'],
  ['occurred_at', 'timestamptz'],
  ['lat', 'float8'],
  ['lon', 'float8'],
  ['altitude', 'float8'],
  ['speed', 'float8'],
  ['heading', 'float8'],
  ['accuracy', 'float8'],
  ['battery', 'float8'],
  ['message_id', 'text'],
  ['vertical_rate', 'float8'],
  ['on_ground', 'boolean'],
  ['squawk', 'text'],
  ['callsign', 'text'],
  ['category', 'text'],
  ['correlation_id', 'text'],
  ['source', 'text'],
  ['received_at', 'timestamptz'],
];

/** The columns of `heartbeatEvent`'s fields, for the log's read (log-row.ts). */
export const HEARTBEAT_READ_COLUMNS = HEARTBEAT_READ.map(([column]) => column).join(', ');
/** As many typed NULLs, for the rows of the log's read that are not heartbeats. */
export const HEARTBEAT_READ_NULLS = HEARTBEAT_READ.map(([, type]) => `NULL::${type}`).join(', ');
export const HEARTBEAT_READ_COLUMN_COUNT = HEARTBEAT_READ.length;

/**
 * A stored heartbeat as the `HeartbeatRecorded` event it was appended as, from the tuple of the
 * log's binary read: its columns (`HEARTBEAT_READ_COLUMNS`) from field `first` on. Catch-up runs
 * this for every heartbeat in the log, so it builds each object once and copies nothing.
 */
export function heartbeatEvent(globalPosition: bigint, recordedAt: Date, tuple: CopyTuples, first: number): RecordedEvent {
  const assetId = tuple.text(first);
  const data: HeartbeatData = {
    assetId,
    timestamp: new Date(tuple.timestampMs(first + 1)).toISOString(),
    lat: tuple.float8OrNull(first + 2),
    lon: tuple.float8OrNull(first + 3),
    altitude: tuple.float8OrNull(first + 4),
    speed: tuple.float8OrNull(first + 5),
    heading: tuple.float8OrNull(first + 6),
    accuracy: tuple.float8OrNull(first + 7),
    battery: tuple.float8OrNull(first + 8),
    messageId: tuple.textOrNull(first + 9),
  };
  // Aircraft fields exist on the event only when they were sent (see recordHeartbeat).
  if (!tuple.isNull(first + 10)) data.verticalRate = tuple.float8OrNull(first + 10);
  if (!tuple.isNull(first + 11)) data.onGround = tuple.boolOrNull(first + 11);
  if (!tuple.isNull(first + 12)) data.squawk = tuple.text(first + 12);
  if (!tuple.isNull(first + 13)) data.callsign = tuple.text(first + 13);
  if (!tuple.isNull(first + 14)) data.category = tuple.text(first + 14);
  return {
    globalPosition,
    streamId: `asset-${assetId}`,
    streamPosition: null,
    type: 'HeartbeatRecorded',
    data,
    metadata: {
      correlationId: tuple.text(first + 15),
      source: tuple.text(first + 16),
      receivedAt: receivedAtIso(tuple.timestampMs(first + 17)),
    },
    recordedAt,
  };
}
