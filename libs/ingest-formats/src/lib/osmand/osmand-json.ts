import type { HeartbeatRequest } from '@beacon/contracts';
import type { OsmAndResult } from '../ingest-result';
import { normaliseHeading } from '../heading';
import { parseIsoDateTime } from '../time/iso-date-time';
import { roundToMillis } from '../units';
import { deviceAssetId } from '../values/asset-id';
import { compact } from '../values/compact';
import { isRecord, optionalNumber, optionalString } from '../values/json-values';
import { LIMITS } from '../values/limits';
import { position } from '../values/position';
import type { Problems } from '../values/problems';
import { withinLimit } from '../values/within-limit';

/**
 * One location report in the JSON form of the OsmAnd protocol, which Traccar Client sends from 9.0 on
 * (`Content-Type: application/json`): `{ device_id, location: { timestamp, coords, battery, … } }`.
 * Unlike the query form it is already in SI (speed in m/s) and gives the battery as 0–1. The location
 * SDK behind it writes -1 for a speed, heading or battery level it does not know; those are left out.
 */
export function parseOsmAndJson(body: unknown, receivedAt: Date): OsmAndResult {
  if (!isRecord(body)) return { ok: false, details: [{ field: '(body)', reason: 'must be a JSON object' }] };
  const problems: Problems = [];
  const assetId = deviceAssetId(optionalString(body['device_id'], 'device_id', problems), 'device_id', problems);
  const location = body['location'];
  if (!isRecord(location)) {
    problems.push({ field: 'location', reason: 'must be an object' });
    return { ok: false, details: problems };
  }
  const timestamp = locationTimestamp(location['timestamp'], receivedAt, problems);
  const fix = coordinates(location['coords'], problems);
  const battery = batteryPercent(location['battery'], problems);
  if (problems.length > 0 || assetId === undefined || timestamp === undefined) return { ok: false, details: problems };
  const heartbeat = compact({ timestamp: timestamp.toISOString(), ...fix, battery });
  return { ok: true, item: { index: 0, assetId, heartbeat } };
}

function locationTimestamp(value: unknown, receivedAt: Date, problems: Problems): Date | undefined {
  const text = optionalString(value, 'location.timestamp', problems);
  if (text === undefined) return receivedAt;
  const timestamp = parseIsoDateTime(text);
  if (timestamp === undefined) problems.push({ field: 'location.timestamp', reason: 'must be an ISO-8601 date-time' });
  return timestamp;
}

type Fix = Pick<HeartbeatRequest, 'lat' | 'lon' | 'speed' | 'heading' | 'altitude' | 'accuracy'>;

/** No `coords` at all is a report without a position (a bare heartbeat), as Traccar reads it too. */
function coordinates(coords: unknown, problems: Problems): Fix {
  if (coords === undefined || coords === null) return {};
  if (!isRecord(coords)) {
    problems.push({ field: 'location.coords', reason: 'must be an object' });
    return {};
  }
  const read = (name: string): number | undefined => optionalNumber(coords[name], `location.coords.${name}`, problems);
  const known = (value: number | undefined): number | undefined => (value === undefined || value < 0 ? undefined : value);
  const heading = known(read('heading'));
  return {
    ...position(read('latitude'), read('longitude'), { lat: 'location.coords.latitude', lon: 'location.coords.longitude' }, problems),
    speed: withinLimit(known(read('speed')), 'location.coords.speed', LIMITS.speed, problems),
    heading: heading === undefined ? undefined : normaliseHeading(heading),
    altitude: withinLimit(read('altitude'), 'location.coords.altitude', LIMITS.altitude, problems),
    accuracy: known(read('accuracy')),
  };
}

/** `battery.level` is a fraction (0.87); Beacon stores percent. */
function batteryPercent(battery: unknown, problems: Problems): number | undefined {
  if (battery === undefined || battery === null) return undefined;
  if (!isRecord(battery)) {
    problems.push({ field: 'location.battery', reason: 'must be an object' });
    return undefined;
  }
  const level = optionalNumber(battery['level'], 'location.battery.level', problems);
  const percent = level === undefined || level < 0 ? undefined : roundToMillis(level * 100);
  return withinLimit(percent, 'location.battery.level', LIMITS.battery, problems, true);
}
