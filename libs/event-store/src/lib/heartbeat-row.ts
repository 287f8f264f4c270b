import type { HeartbeatRecorded } from '@beacon/domain';
import { BinaryArrays } from './binary-arrays';
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

/**
 * A stored heartbeat comes back as one JSON array built by PostgreSQL, its global position first
 * (as text: a JSON number could not carry every int8): one JSON.parse per row in Node instead of
 * a parser call per column, which is what limits catch-up speed. Times as epoch milliseconds.
 */
export const HEARTBEAT_AS_JSON = `json_build_array(global_position::text, asset_id, date_part('epoch', occurred_at) * 1000, lat, lon,
  altitude, speed, heading, accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign, category, correlation_id,
  source, date_part('epoch', received_at) * 1000, date_part('epoch', recorded_at) * 1000)`;

/** The array of `HEARTBEAT_AS_JSON`, in its order. */
export type HeartbeatTuple = [
  globalPosition: string,
  assetId: string,
  occurredMs: number,
  lat: number | null,
  lon: number | null,
  altitude: number | null,
  speed: number | null,
  heading: number | null,
  accuracy: number | null,
  battery: number | null,
  messageId: string | null,
  verticalRate: number | null,
  onGround: boolean | null,
  squawk: string | null,
  callsign: string | null,
  category: string | null,
  correlationId: string,
  source: string,
  receivedMs: number,
  recordedMs: number,
];

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

/**
 * A stored heartbeat as the `HeartbeatRecorded` event it was appended as. Catch-up runs this for
 * every heartbeat in the log, so it builds each object once and copies nothing.
 */
export function heartbeatEvent(tuple: HeartbeatTuple): RecordedEvent {
  const assetId = tuple[1];
  const data: HeartbeatData = {
    assetId,
    timestamp: new Date(Math.round(tuple[2])).toISOString(),
    lat: tuple[3],
    lon: tuple[4],
    altitude: tuple[5],
    speed: tuple[6],
    heading: tuple[7],
    accuracy: tuple[8],
    battery: tuple[9],
    messageId: tuple[10],
  };
  // Aircraft fields exist on the event only when they were sent (see recordHeartbeat).
  if (tuple[11] !== null) data.verticalRate = tuple[11];
  if (tuple[12] !== null) data.onGround = tuple[12];
  if (tuple[13] !== null) data.squawk = tuple[13];
  if (tuple[14] !== null) data.callsign = tuple[14];
  if (tuple[15] !== null) data.category = tuple[15];
  return {
    globalPosition: BigInt(tuple[0]),
    streamId: `asset-${assetId}`,
    streamPosition: null,
    type: 'HeartbeatRecorded',
    data,
    metadata: { correlationId: tuple[16], source: tuple[17], receivedAt: receivedAtIso(Math.round(tuple[18])) },
    recordedAt: new Date(Math.round(tuple[19])),
  };
}
