import type { TrackPoint } from './track';
import { appendPoint, toTrackPoint, trackSpanMs, withLivePoints } from './track';

describe('track', () => {
  const point = (time: string, lat = 59.3): TrackPoint => ({
    timestamp: `2026-11-25T${time}.000Z`,
    lat,
    lon: 18.1,
    altitude: null,
    speed: null,
    heading: null,
  });
  const times = (points: readonly TrackPoint[]) => points.map((p) => p.timestamp.slice(11, 19));

  it('takes a position as a track point', () => {
    expect(
      toTrackPoint({
        lat: 1,
        lon: 2,
        altitude: 3,
        speed: 4,
        heading: 5,
        timestamp: '2026-11-25T12:00:00.000Z',
      }),
    ).toEqual({
      timestamp: '2026-11-25T12:00:00.000Z',
      lat: 1,
      lon: 2,
      altitude: 3,
      speed: 4,
      heading: 5,
    });
  });

  it('appends newer points and drops late or repeated ones', () => {
    let points = appendPoint([], point('12:00:00'));
    points = appendPoint(points, point('12:00:02'));
    points = appendPoint(points, point('12:00:01'));
    points = appendPoint(points, point('12:00:02', 60));
    expect(times(points)).toEqual(['12:00:00', '12:00:02']);
    expect(points[1]?.lat).toBe(59.3);
  });

  it('keeps only the newest points beyond the limit', () => {
    let points: readonly TrackPoint[] = [];
    for (const s of ['01', '02', '03', '04']) points = appendPoint(points, point(`12:00:${s}`), 3);
    expect(times(points)).toEqual(['12:00:02', '12:00:03', '12:00:04']);
  });

  it('draws live points after the loaded track, skipping those it already holds', () => {
    const loaded = [point('11:00:00'), point('12:00:00')];
    const live = [point('11:59:59'), point('12:00:00'), point('12:00:05')];
    expect(times(withLivePoints(loaded, live))).toEqual(['11:00:00', '12:00:00', '12:00:05']);
    expect(withLivePoints(loaded, [])).toBe(loaded);
    expect(times(withLivePoints([], live))).toEqual(times(live));
  });

  it('measures the span from the first point to the last', () => {
    expect(trackSpanMs([])).toBe(0);
    expect(trackSpanMs([point('12:00:00')])).toBe(0);
    expect(trackSpanMs([point('10:30:00'), point('12:00:00')])).toBe(90 * 60_000);
  });
});
