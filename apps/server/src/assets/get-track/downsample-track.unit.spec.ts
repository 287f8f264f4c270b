import type { TrackPoint } from '@beacon/read-models';
import { downsampleTrack } from './downsample-track';

const at = (i: number, lat: number, lon: number): TrackPoint => ({
  timestamp: new Date(Date.UTC(2026, 10, 25, 10, 0, i)).toISOString(),
  lat,
  lon,
  altitude: null,
  speed: null,
  heading: null,
});

/** An L-shaped route: 500 points east along a street, then 500 points north. */
function lShapedRoute(): TrackPoint[] {
  const east = Array.from({ length: 500 }, (_, i) => at(i, 59.3, 18.0 + i * 1e-4));
  const north = Array.from({ length: 500 }, (_, i) => at(500 + i, 59.3 + (i + 1) * 1e-4, 18.0 + 499 * 1e-4));
  return [...east, ...north];
}

describe('downsampleTrack', () => {
  it('returns a short track unchanged', () => {
    const route = lShapedRoute().slice(0, 10);
    expect(downsampleTrack(route, 100)).toBe(route);
  });

  it('keeps both ends and the corner of the route, in time order, within maxPoints', () => {
    const route = lShapedRoute();
    const kept = downsampleTrack(route, 10);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept[0]).toBe(route[0]);
    expect(kept[kept.length - 1]).toBe(route[route.length - 1]);
    expect(kept).toContain(route[499]); // the corner
    const times = kept.map((p) => Date.parse(p.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('thins a zig-zag with more corners than maxPoints evenly', () => {
    const zigzag = Array.from({ length: 1000 }, (_, i) => at(i, 59.3 + (i % 2) * 0.01, 18 + i * 0.001));
    const kept = downsampleTrack(zigzag, 50);
    expect(kept.length).toBe(50);
    expect(kept[0]).toBe(zigzag[0]);
    expect(kept[49]).toBe(zigzag[999]);
  });
});
