import type { TrackPoint } from '@beacon/read-models';
import simplify from 'simplify-js';

interface Vertex {
  x: number;
  y: number;
  point: TrackPoint;
}

/** Finer than this (degrees, ~1 cm) every tolerance keeps the same points. */
const MIN_TOLERANCE = 1e-7;
/** Coarser than this (degrees, ~2,000 km) a route is its two ends. */
const MAX_TOLERANCE = 20;
const SEARCH_STEPS = 40;

/**
 * At most `maxPoints` of a track, chosen to keep the shape of the route (Ramer–Douglas–Peucker,
 * which keeps the corners and both ends): the smallest tolerance whose result fits is found by
 * bisection. Shorter tracks are returned as they are. Points keep their time order.
 */
export function downsampleTrack(points: TrackPoint[], maxPoints: number): TrackPoint[] {
  if (points.length <= maxPoints) return points;
  if (maxPoints < 2) return points.slice(0, maxPoints);
  const vertices: Vertex[] = points.map((point) => ({ x: point.lon, y: point.lat, point }));
  const simplified = (tolerance: number): Vertex[] => simplify(vertices, tolerance, true) as Vertex[];
  let low = MIN_TOLERANCE;
  let high = MAX_TOLERANCE;
  let best = simplified(high);
  for (let step = 0; step < SEARCH_STEPS && high / low > 1.01; step++) {
    const middle = Math.sqrt(low * high); // bisect on a log scale: tolerances span 9 decades
    const candidate = simplified(middle);
    if (candidate.length <= maxPoints) {
      best = candidate;
      high = middle;
    } else {
      low = middle;
    }
  }
  // Tolerance is coarse-grained on a route of many similar corners (a zig-zag): one step keeps
  // them all, the next none. Then the finer result, thinned evenly, keeps the shape better.
  if (best.length < maxPoints / 2) best = evenly(simplified(low), maxPoints);
  return best.map((v) => v.point);
}

/** `count` items spread evenly from first to last (or all of them, when there are no more). */
function evenly<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const step = (items.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => items[Math.round(i * step)] as T);
}
