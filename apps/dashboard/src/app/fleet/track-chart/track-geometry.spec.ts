import type { Viewport } from './track-geometry';
import { projectTrack, toPolylinePoints } from './track-geometry';

describe('projectTrack', () => {
  const viewport: Viewport = { width: 200, height: 100, padding: 10 };

  it('puts north up and the track’s bounding box inside the padding', () => {
    const points = projectTrack(
      [
        { lat: 0, lon: 0 },
        { lat: 1, lon: 0 },
      ],
      viewport,
    );
    expect(points).toEqual([
      { x: 100, y: 90 },
      { x: 100, y: 10 },
    ]);
  });

  it('uses one scale for both axes so the shape is kept, centring the short side', () => {
    // At the equator a degree is as wide as it is tall: a 1° square must stay square.
    const points = projectTrack(
      [
        { lat: 0, lon: 0 },
        { lat: 1, lon: 1 },
      ],
      viewport,
    );
    expect(points).toEqual([
      { x: 60, y: 90 },
      { x: 140, y: 10 },
    ]);
  });

  it('narrows longitudes away from the equator', () => {
    // Around 60° a degree of longitude is half as long as a degree of latitude.
    const [west, east] = projectTrack(
      [
        { lat: 59.5, lon: 10 },
        { lat: 59.5, lon: 12 },
        { lat: 60.5, lon: 11 },
      ],
      viewport,
    );
    const width = (east?.x ?? 0) - (west?.x ?? 0);
    expect(width).toBeCloseTo(80, 0);
  });

  it('centres a track that never moved', () => {
    expect(
      projectTrack(
        [
          { lat: 59.3, lon: 18.1 },
          { lat: 59.3, lon: 18.1 },
        ],
        viewport,
      ),
    ).toEqual([
      { x: 100, y: 50 },
      { x: 100, y: 50 },
    ]);
  });

  it('does not stretch a track over the antimeridian across the globe', () => {
    const [west, east] = projectTrack(
      [
        { lat: 0, lon: 179.5 },
        { lat: 0, lon: -179.5 },
      ],
      viewport,
    );
    expect((east?.x ?? 0) > (west?.x ?? 0)).toBeTrue();
    expect((east?.x ?? 0) - (west?.x ?? 0)).toBeCloseTo(180, 0);
  });

  it('has nothing to draw for no points', () => {
    expect(projectTrack([], viewport)).toEqual([]);
  });
});

describe('toPolylinePoints', () => {
  it('writes x,y pairs separated by spaces', () => {
    expect(
      toPolylinePoints([
        { x: 1, y: 2 },
        { x: 3.5, y: 4 },
      ]),
    ).toBe('1,2 3.5,4');
  });
});
