import type { AircraftItem } from '../ingest-result';
import { normaliseHeading } from '../heading';
import { dateFromUnixSeconds } from '../time/unix-time';
import { aircraftAddress, optionalCallsign, optionalSquawk } from '../values/aircraft-values';
import { compact } from '../values/compact';
import { optionalBoolean, optionalNumber } from '../values/json-values';
import { LIMITS } from '../values/limits';
import { position } from '../values/position';
import { problem, type Parsed, type Problems } from '../values/problems';
import { withinLimit } from '../values/within-limit';
import { openSkyCategory } from './opensky-category';

/** A state vector has 17 fields, 18 with `extended=1` (the category); later API versions may append more. */
const STATE_VECTOR_FIELDS = 17;

/** The names OpenSky's documentation gives the fields of a state vector, by position. */
// prettier-ignore
const FIELD_NAMES = [
  'icao24', 'callsign', 'origin_country', 'time_position', 'last_contact', 'longitude', 'latitude',
  'baro_altitude', 'on_ground', 'velocity', 'true_track', 'vertical_rate', 'sensors', 'geo_altitude',
  'squawk', 'spi', 'position_source', 'category',
];

/** `[1]` → `callsign`, `[12][0]` → `sensors[0]`: a path into a state vector by OpenSky's names. */
export function openSkyFieldName(path: string): string {
  return path.replace(/^\[(\d+)\]/, (position, index: string) => FIELD_NAMES[Number(index)] ?? position);
}

/**
 * One state vector (an array, not an object; longitude comes before latitude) as a heartbeat. OpenSky
 * is already in SI. Problems name the fields as OpenSky's documentation does. Fields after the 18
 * Beacon knows are ignored.
 */
export function openSkyState(state: unknown, timeSeconds: number): Parsed<Omit<AircraftItem, 'index'>> {
  if (!Array.isArray(state)) return problem('(item)', 'must be a state vector (an array)');
  if (state.length < STATE_VECTOR_FIELDS) return problem('(item)', `must have at least ${STATE_VECTOR_FIELDS} fields`);
  const problems: Problems = [];
  const number = (index: number, field: string): number | undefined => optionalNumber(state[index], field, problems);
  const icao24 = aircraftAddress(state[0], 'icao24', problems);
  const callsign = optionalCallsign(state[1], 'callsign', problems);
  const timePosition = number(3, 'time_position');
  const lastContact = number(4, 'last_contact');
  const where = position(number(6, 'latitude'), number(5, 'longitude'), { lat: 'latitude', lon: 'longitude' }, problems);
  const baroAltitude = number(7, 'baro_altitude');
  const geoAltitude = number(13, 'geo_altitude');
  const track = number(10, 'true_track');
  const timestamp = openSkyTimestamp(where ? timePosition : undefined, lastContact, timeSeconds, problems);
  const category = openSkyCategory(state[17]);
  const heartbeat = {
    ...where,
    altitude: openSkyAltitude(geoAltitude, baroAltitude, problems),
    onGround: optionalBoolean(state[8], 'on_ground', problems),
    speed: withinLimit(number(9, 'velocity'), 'velocity', LIMITS.speed, problems),
    heading: track === undefined ? undefined : normaliseHeading(track),
    verticalRate: withinLimit(number(11, 'vertical_rate'), 'vertical_rate', LIMITS.verticalRate, problems),
    squawk: optionalSquawk(state[14], 'squawk', problems),
    callsign,
    category,
  };
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

/** The position's own time when there is a position; else the last message; else the document's. */
function openSkyTimestamp(
  timePosition: number | undefined,
  lastContact: number | undefined,
  timeSeconds: number,
  problems: Problems,
): Date | undefined {
  const [field, seconds] =
    timePosition !== undefined
      ? ['time_position', timePosition]
      : lastContact !== undefined
        ? ['last_contact', lastContact]
        : ['time', timeSeconds];
  const timestamp = dateFromUnixSeconds(seconds);
  if (timestamp === undefined) problems.push({ field, reason: 'must be the Unix time in seconds' });
  return timestamp;
}

/** Geometric (GNSS) altitude first, as for readsb and phones; barometric when that is all there is. */
function openSkyAltitude(geo: number | undefined, baro: number | undefined, problems: Problems): number | undefined {
  const field = geo === undefined ? 'baro_altitude' : 'geo_altitude';
  return withinLimit(geo ?? baro, field, LIMITS.altitude, problems);
}
