import type { PositionDto, TrackPointDto } from '@beacon/contracts';

/** One point of `GET /api/v1/assets/:id/track` (docs/API.md "Track"). */
export type TrackPoint = TrackPointDto;

/** Enough for the shape of a day's driving; the server thins the track to this many. */
export const TRACK_MAX_POINTS = 500;
/** A panel left open for hours keeps only this many live points, the newest. */
export const MAX_LIVE_POINTS = 5_000;

export function toTrackPoint(position: PositionDto): TrackPoint {
  const { timestamp, lat, lon, altitude, speed, heading } = position;
  return { timestamp, lat, lon, altitude, speed, heading };
}

/** Appends a point only if it is newer than the last, so the track stays in time order. */
export function appendPoint(points: readonly TrackPoint[], point: TrackPoint, max = MAX_LIVE_POINTS): readonly TrackPoint[] {
  const last = points[points.length - 1];
  if (last && !isAfter(point, last)) return points;
  return [...points, point].slice(-max);
}

/**
 * The loaded track followed by the live points newer than its end. Live points that came before the
 * track was loaded, or that it already holds, are not drawn twice.
 */
export function withLivePoints(loaded: readonly TrackPoint[], live: readonly TrackPoint[]): readonly TrackPoint[] {
  const end = loaded[loaded.length - 1];
  const newer = end ? live.filter((p) => isAfter(p, end)) : live;
  return newer.length ? [...loaded, ...newer] : loaded;
}

/** From the first point to the last, in milliseconds; 0 for fewer than two points. */
export function trackSpanMs(points: readonly TrackPoint[]): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 0;
  return Date.parse(last.timestamp) - Date.parse(first.timestamp);
}

function isAfter(a: TrackPoint, b: TrackPoint): boolean {
  return Date.parse(a.timestamp) > Date.parse(b.timestamp);
}
