import type { PositionDto } from '@beacon/contracts';
import { SPEED_UNIT, formatInUnit } from '../track-units';

export interface PositionText {
  latLon: string;
  altitude: string;
  speed: string;
  heading: string;
}

/** A position in words for the panel; five decimals of a degree is about a metre. */
export function describePosition(position: PositionDto): PositionText {
  return {
    latLon: `${position.lat.toFixed(5)}, ${position.lon.toFixed(5)}`,
    altitude: orDash(position.altitude, (m) => `${Math.round(m)} m`),
    speed: orDash(position.speed, (ms) => `${ms.toFixed(1)} m/s (${formatInUnit(ms, SPEED_UNIT)})`),
    heading: orDash(position.heading, (deg) => `${Math.round(deg)}°`),
  };
}

function orDash(value: number | null, format: (v: number) => string): string {
  return value === null ? '—' : format(value);
}
