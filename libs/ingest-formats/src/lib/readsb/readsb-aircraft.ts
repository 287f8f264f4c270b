import type { AircraftItem } from '../ingest-result';
import { normaliseHeading } from '../heading';
import { knotsToMetresPerSecond, toSi } from '../units';
import { aircraftAddress, optionalCallsign, optionalSquawk } from '../values/aircraft-values';
import { compact } from '../values/compact';
import { isRecord, optionalNumber, optionalString } from '../values/json-values';
import { ADSB_CATEGORY, LIMITS } from '../values/limits';
import { position } from '../values/position';
import { problem, type Parsed, type Problems } from '../values/problems';
import { withinLimit } from '../values/within-limit';
import { readsbVertical } from './readsb-altitude';
import { readsbField } from './readsb-field';
import { readsbTimestamp } from './readsb-timestamp';

/**
 * One entry of `aircraft[]` as a heartbeat in SI plus what registering the aircraft needs. Fields that
 * are neither a position nor an identity (`nav_*`, `ias`, `rssi`, `rr_lat`/`rr_lon` receiver-based
 * guesses, `lastPosition` older than readsb trusts, …) are ignored.
 */
export function readsbAircraft(entry: unknown, nowSeconds: number): Parsed<Omit<AircraftItem, 'index'>> {
  if (!isRecord(entry)) return problem('(item)', 'must be an object');
  const problems: Problems = [];
  const icao24 = aircraftAddress(entry['hex'], 'hex', problems);
  const callsign = optionalCallsign(entry['flight'], 'flight', problems);
  const category = adsbCategory(entry['category'], problems);
  const lat = optionalNumber(entry['lat'], 'lat', problems);
  const lon = optionalNumber(entry['lon'], 'lon', problems);
  const where = position(lat, lon, { lat: 'lat', lon: 'lon' }, problems);
  const groundSpeed = readsbField(entry, 'gs');
  const speed = toSi(optionalNumber(groundSpeed.value, groundSpeed.field, problems), knotsToMetresPerSecond);
  const track = optionalNumber(entry['track'], 'track', problems);
  const heartbeat = {
    ...where,
    ...readsbVertical(entry, problems),
    speed: withinLimit(speed, groundSpeed.field, LIMITS.speed, problems, true),
    heading: track === undefined ? undefined : normaliseHeading(track),
    squawk: optionalSquawk(entry['squawk'], 'squawk', problems),
    callsign,
    category,
  };
  const timestamp = readsbTimestamp(entry, nowSeconds, lat !== undefined && lon !== undefined, problems);
  if (problems.length > 0 || icao24 === undefined || timestamp === undefined) return { ok: false, details: problems };
  return {
    ok: true,
    value: {
      assetId: icao24,
      heartbeat: compact({ timestamp: timestamp.toISOString(), ...heartbeat }),
      aircraft: compact({ icao24, callsign, category }),
    },
  };
}

function adsbCategory(value: unknown, problems: Problems): string | undefined {
  const category = optionalString(value, 'category', problems);
  if (category === undefined || ADSB_CATEGORY.test(category)) return category;
  problems.push({ field: 'category', reason: 'must be an ADS-B emitter category, A0–D7' });
  return undefined;
}
