import type { HeartbeatRequest } from '@beacon/contracts';
import { normaliseHeading } from '../heading';
import { knotsToMetresPerSecond, toSi } from '../units';
import { LIMITS } from '../values/limits';
import { position, type Position } from '../values/position';
import type { Problems } from '../values/problems';
import { decimalFromText } from '../values/text-values';
import { withinLimit } from '../values/within-limit';
import { singleValue, type QueryFields } from './query-fields';

type Fix = Pick<HeartbeatRequest, 'lat' | 'lon' | 'speed' | 'heading' | 'altitude' | 'accuracy'>;

/**
 * The fields that come from the location fix, in SI: OsmAnd's `speed` is in knots (Traccar converts
 * it the same way), `bearing` (or `heading`) in degrees, `altitude` and `accuracy` in metres.
 * A fix the device itself marks `valid=false` yields none of them: the phone is alive, but where it
 * is cannot be trusted, so the heartbeat is a bare one.
 */
export function osmAndFix(fields: QueryFields, problems: Problems): Fix {
  const number = (name: string): number | undefined => decimalFromText(singleValue(fields, name, problems), name, problems);
  const heading = number('bearing') ?? number('heading');
  const fix: Fix = {
    ...osmAndPosition(fields, problems),
    speed: withinLimit(toSi(number('speed'), knotsToMetresPerSecond), 'speed', LIMITS.speed, problems, true),
    heading: heading === undefined ? undefined : normaliseHeading(heading),
    altitude: withinLimit(number('altitude'), 'altitude', LIMITS.altitude, problems),
    accuracy: withinLimit(number('accuracy'), 'accuracy', LIMITS.accuracy, problems),
  };
  return isValidFix(fields, problems) ? fix : {};
}

/** `lat` and `lon`, or Traccar's combined `location=lat,lon` when they are absent. */
function osmAndPosition(fields: QueryFields, problems: Problems): Position | undefined {
  const combined = singleValue(fields, 'location', problems);
  if (combined === undefined || fields['lat'] !== undefined || fields['lon'] !== undefined) {
    const lat = decimalFromText(singleValue(fields, 'lat', problems), 'lat', problems);
    const lon = decimalFromText(singleValue(fields, 'lon', problems), 'lon', problems);
    return position(lat, lon, { lat: 'lat', lon: 'lon' }, problems);
  }
  const parts = combined.split(',').map((part) => part.trim());
  if (parts.length !== 2) {
    problems.push({ field: 'location', reason: 'must be "lat,lon"' });
    return undefined;
  }
  const [lat, lon] = parts.map((part) => decimalFromText(part, 'location', problems));
  return position(lat, lon, { lat: 'location', lon: 'location' }, problems);
}

function isValidFix(fields: QueryFields, problems: Problems): boolean {
  const valid = singleValue(fields, 'valid', problems)?.toLowerCase();
  if (valid === 'false' || valid === '0') return false;
  if (valid !== undefined && valid !== 'true' && valid !== '1') {
    problems.push({ field: 'valid', reason: 'must be true, false, 1 or 0' });
  }
  return true;
}
