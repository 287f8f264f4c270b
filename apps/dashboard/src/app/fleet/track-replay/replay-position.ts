import type { TrackPoint } from '../asset-detail/track';

/** Where the asset was at a moment of its track, and how fast and high it went. */
export interface ReplayPosition {
  /** Epoch milliseconds. */
  time: number;
  lat: number;
  lon: number;
  /** m/s, null when the points around it carry none. */
  speed: number | null;
  /** Metres, null when the points around it carry none. */
  altitude: number | null;
}

/** The replay's speeds: track time per real second. */
export const REPLAY_SPEEDS = [10, 60, 600] as const;

/**
 * The asset's position at `time`, between the two points around it: the track holds samples, and a
 * replay moves smoothly between them. Before the first point it is the first, after the last the
 * last; null for an empty track.
 */
export function replayPositionAt(points: readonly TrackPoint[], time: number): ReplayPosition | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  if (time <= Date.parse(first.timestamp)) return atPoint(first);
  if (time >= Date.parse(last.timestamp)) return atPoint(last);
  const after = firstAfter(points, time);
  const a = points[after - 1] ?? first;
  const b = points[after] ?? last;
  const start = Date.parse(a.timestamp);
  const share = (time - start) / (Date.parse(b.timestamp) - start);
  return {
    time,
    lat: between(a.lat, b.lat, share),
    lon: betweenLongitudes(a.lon, b.lon, share),
    speed: betweenOrNull(a.speed, b.speed, share),
    altitude: betweenOrNull(a.altitude, b.altitude, share),
  };
}

/** The replay's time after `elapsedMs` of playing at `speed`, stopping at the track's end. */
export function advanceReplay(time: number, elapsedMs: number, speed: number, end: number): number {
  return Math.min(end, time + elapsedMs * speed);
}

function atPoint(point: TrackPoint): ReplayPosition {
  const { lat, lon, speed, altitude } = point;
  return { time: Date.parse(point.timestamp), lat, lon, speed, altitude };
}

/** Index of the first point later than `time`, by binary search: the track is in time order. */
function firstAfter(points: readonly TrackPoint[], time: number): number {
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (Date.parse(points[middle]?.timestamp ?? '') > time) high = middle;
    else low = middle + 1;
  }
  return low;
}

function between(a: number, b: number, share: number): number {
  return a + (b - a) * share;
}

/** The short way round, so a flight over the antimeridian does not sweep across the globe. */
function betweenLongitudes(a: number, b: number, share: number): number {
  const delta = ((b - a + 540) % 360) - 180;
  const lon = a + delta * share;
  return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
}

/** A value missing at either end is not made up: the earlier point's stands, or none. */
function betweenOrNull(a: number | null, b: number | null, share: number): number | null {
  if (a === null) return null;
  return b === null ? a : between(a, b, share);
}
