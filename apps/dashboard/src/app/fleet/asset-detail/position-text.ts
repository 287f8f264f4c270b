import type { PositionDto } from '@beacon/contracts';
import type { UnitChoice } from '../../shared/units/units';
import { formatAltitude, formatSpeed } from '../../shared/units/units';

export interface PositionText {
  latLon: string;
  altitude: string;
  speed: string;
  heading: string;
}

/** A position in words for the panel, in the user's units; five decimals of a degree is about a metre. */
export function describePosition(position: PositionDto, units: UnitChoice): PositionText {
  return {
    latLon: `${position.lat.toFixed(5)}, ${position.lon.toFixed(5)}`,
    altitude: formatAltitude(position.altitude, units.altitude),
    speed: formatSpeed(position.speed, units.speed),
    heading: orDash(position.heading, (deg) => `${Math.round(deg)}°`),
  };
}

function orDash(value: number | null, format: (v: number) => string): string {
  return value === null ? '—' : format(value);
}
