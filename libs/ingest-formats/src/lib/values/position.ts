import { LIMITS } from './limits';
import type { Problems } from './problems';
import { withinLimit } from './within-limit';

export interface Position {
  lat: number;
  lon: number;
}

/**
 * A position is both coordinates or neither (the contract's `dependentRequired`); half a position
 * is a problem named after the half that is missing, in the source's own field names.
 */
export function position(
  lat: number | undefined,
  lon: number | undefined,
  names: { lat: string; lon: string },
  problems: Problems,
): Position | undefined {
  if (lat === undefined && lon === undefined) return undefined;
  // A half already named as unreadable is not also "missing".
  const named = (field: string): boolean => problems.some((detail) => detail.field === field);
  if (lat === undefined && !named(names.lat)) problems.push({ field: names.lat, reason: `is required with ${names.lon}` });
  if (lon === undefined && !named(names.lon)) problems.push({ field: names.lon, reason: `is required with ${names.lat}` });
  const checkedLat = withinLimit(lat, names.lat, LIMITS.lat, problems);
  const checkedLon = withinLimit(lon, names.lon, LIMITS.lon, problems);
  return checkedLat === undefined || checkedLon === undefined ? undefined : { lat: checkedLat, lon: checkedLon };
}
