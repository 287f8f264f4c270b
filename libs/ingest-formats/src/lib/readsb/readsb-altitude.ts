import type { HeartbeatRequest } from '@beacon/contracts';
import { feetPerMinuteToMetresPerSecond, feetToMetres, toSi } from '../units';
import { optionalNumber } from '../values/json-values';
import { LIMITS } from '../values/limits';
import type { Problems } from '../values/problems';
import { withinLimit } from '../values/within-limit';
import { readsbField } from './readsb-field';

type Vertical = Pick<HeartbeatRequest, 'altitude' | 'onGround' | 'verticalRate'>;

/**
 * Height and climb of a readsb aircraft, feet → metres. `alt_geom` (GNSS, WGS84 ellipsoid) is preferred
 * over `alt_baro` (pressure altitude, which drifts from true height with the weather), because phones
 * and OpenSky's `geo_altitude` are geometric too; `alt_baro` fills in when there is no `alt_geom`.
 * `alt_baro` is the string "ground" when the transponder reports being on the ground: then onGround is
 * true and only `alt_geom` can give an altitude. A numeric `alt_baro` is the transponder reporting
 * airborne, so onGround is false; without `alt_baro` it is not known and left out. dump1090's older
 * `altitude` is read the same way, when there is no `alt_baro`.
 */
export function readsbVertical(entry: Record<string, unknown>, problems: Problems): Vertical {
  const { field: baroField, value: altBaro } = readsbField(entry, 'alt_baro');
  const onGround = altBaro === 'ground' ? true : typeof altBaro === 'number' ? false : undefined;
  const baroFeet = altBaroFeet(altBaro, baroField, problems);
  const geomFeet = optionalNumber(entry['alt_geom'], 'alt_geom', problems);
  const altitudeField = geomFeet === undefined ? baroField : 'alt_geom';
  const altitude = toSi(geomFeet ?? baroFeet, feetToMetres);
  return {
    altitude: withinLimit(altitude, altitudeField, LIMITS.altitude, problems, true),
    onGround,
    verticalRate: readsbVerticalRate(entry, problems),
  };
}

function altBaroFeet(value: unknown, field: string, problems: Problems): number | undefined {
  if (value === undefined || value === null || value === 'ground') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push({ field, reason: 'must be a number of feet or "ground"' });
  return undefined;
}

/** ft/min → m/s; `baro_rate` (what most aircraft report; `vert_rate` in older files) when present, else `geom_rate`. */
function readsbVerticalRate(entry: Record<string, unknown>, problems: Problems): number | undefined {
  const baro = readsbField(entry, 'baro_rate');
  const baroRate = optionalNumber(baro.value, baro.field, problems);
  const geomRate = optionalNumber(entry['geom_rate'], 'geom_rate', problems);
  const field = baroRate === undefined ? 'geom_rate' : baro.field;
  const rate = toSi(baroRate ?? geomRate, feetPerMinuteToMetresPerSecond);
  return withinLimit(rate, field, LIMITS.verticalRate, problems, true);
}
