import type { PositionDto } from '@beacon/contracts';
import type { TrackPoint } from '../app/fleet/asset-detail/track';

/** A point on a line heading north-east from Södertälje, `minute` minutes after 11:00 UTC. */
export function aTrackPoint(minute: number): TrackPoint {
  return {
    timestamp: new Date(Date.UTC(2026, 10, 25, 11, minute)).toISOString(),
    lat: 59.19 + minute * 0.001,
    lon: 17.62 + minute * 0.002,
    altitude: null,
    speed: 12,
    heading: 45,
  };
}

export function aPositionAt(minute: number): PositionDto {
  return { ...aTrackPoint(minute) };
}
