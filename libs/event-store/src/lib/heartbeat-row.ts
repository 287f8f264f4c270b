import type { HeartbeatRecorded } from '@beacon/domain';
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

/**
 * Heartbeats dominate the log, so they are stored in typed columns rather than as JSON: rows are
 * about half the size, and PostgreSQL parses no JSON on the hot path (decision 006). Each column
 * goes as one array literal built here in a single pass (pg's generic encoder escapes every
 * element, numbers included, which showed in the ingest server's profile).
 */
export function heartbeatInsertParameters(rows: readonly NewHeartbeat[]): string[] {
  const text = (pick: (row: NewHeartbeat) => string | null): string => arrayLiteral(rows, pick, quoted);
  const plain = (pick: (row: NewHeartbeat) => number | boolean | null): string => arrayLiteral(rows, pick, String);
  return [
    text((r) => r.data.assetId),
    text((r) => r.dedupeKey),
    text((r) => r.data.timestamp),
    plain((r) => r.data.lat),
    plain((r) => r.data.lon),
    plain((r) => r.data.altitude),
    plain((r) => r.data.speed),
    plain((r) => r.data.heading),
    plain((r) => r.data.accuracy),
    plain((r) => r.data.battery),
    text((r) => r.data.messageId),
    plain((r) => r.data.verticalRate ?? null),
    plain((r) => r.data.onGround ?? null),
    text((r) => r.data.squawk ?? null),
    text((r) => r.data.callsign ?? null),
    text((r) => r.metadata.correlationId),
    text((r) => r.metadata.source),
    text((r) => r.metadata.receivedAt),
  ];
}

const QUOTED_SPECIALS = /["\\]/g;

/**
 * Strings are always quoted (so "NULL" stays a string), with `"` and `\` escaped; numbers and
 * booleans need no quotes. Ids and timestamps hardly ever hold either character: two `includes`
 * cost less than a global replace that finds nothing.
 */
const quoted = (value: string): string =>
  value.includes('"') || value.includes('\\') ? `"${value.replace(QUOTED_SPECIALS, '\\$&')}"` : `"${value}"`;

/** One column as an array literal, `{"a",NULL,...}` or `{1.5,NULL,...}`. */
function arrayLiteral<T extends string | number | boolean>(
  rows: readonly NewHeartbeat[],
  pick: (row: NewHeartbeat) => T | null,
  element: (value: T) => string,
): string {
  let literal = '{';
  for (let i = 0; i < rows.length; i++) {
    const value = pick(rows[i] as NewHeartbeat);
    literal += (i > 0 ? ',' : '') + (value === null || value === undefined ? 'NULL' : element(value));
  }
  return literal + '}';
}

/** The multi-row INSERT of heartbeats, without duplicate handling (the benchmark's baseline uses it as is). */
export const HEARTBEAT_PLAIN_INSERT_SQL = `
  INSERT INTO heartbeats (asset_id, dedupe_key, occurred_at, occurred_day, lat, lon, altitude, speed, heading,
                          accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign,
                          correlation_id, source, received_at)
  SELECT asset_id, dedupe_key, occurred_at, (occurred_at AT TIME ZONE 'UTC')::date, lat, lon, altitude, speed, heading,
         accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign, correlation_id, source, received_at
    FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[],
                $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::float8[], $13::boolean[], $14::text[],
                $15::text[], $16::text[], $17::text[], $18::timestamptz[])
         WITH ORDINALITY AS t(asset_id, dedupe_key, occurred_at, lat, lon, altitude, speed, heading, accuracy, battery,
                              message_id, vertical_rate, on_ground, squawk, callsign, correlation_id, source,
                              received_at, ordinal)
   ORDER BY ordinal`;

/**
 * Stores each heartbeat once and returns the keys of those that were new: one statement (the
 * function of migration 1764000800000) that takes the append lock, inserts and notifies, and is
 * its own transaction when sent outside one. Parameters are `heartbeatInsertParameters`.
 */
export const HEARTBEAT_APPEND_SQL = `
  SELECT stored_asset_id, stored_day, stored_dedupe_key
    FROM beacon_append_heartbeats($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`;

/**
 * A stored heartbeat comes back as one JSON array built by PostgreSQL, its global position first
 * (as text: a JSON number could not carry every int8): one JSON.parse per row in Node instead of
 * a parser call per column, which is what limits catch-up speed. Times as epoch milliseconds.
 */
export const HEARTBEAT_AS_JSON = `json_build_array(global_position::text, asset_id, date_part('epoch', occurred_at) * 1000, lat, lon,
  altitude, speed, heading, accuracy, battery, message_id, vertical_rate, on_ground, squawk, callsign, correlation_id, source,
  date_part('epoch', received_at) * 1000, date_part('epoch', recorded_at) * 1000)`;

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
  correlationId: string,
  source: string,
  receivedMs: number,
  recordedMs: number,
];

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
  return {
    globalPosition: BigInt(tuple[0]),
    streamId: `asset-${assetId}`,
    streamPosition: null,
    type: 'HeartbeatRecorded',
    data,
    metadata: { correlationId: tuple[15], source: tuple[16], receivedAt: new Date(Math.round(tuple[17])).toISOString() },
    recordedAt: new Date(Math.round(tuple[18])),
  };
}
