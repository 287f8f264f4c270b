import { toTrackFeatures } from './track-features';

describe('toTrackFeatures', () => {
  it('is the route as a line and its start and end as points', () => {
    const features = toTrackFeatures([
      { lat: 59.3, lon: 18.0 },
      { lat: 59.31, lon: 18.02 },
      { lat: 59.32, lon: 18.01 },
    ]).features;

    expect(features.map((f) => f.properties.end)).toEqual([null, 'start', 'end']);
    expect(features[0]?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [18.0, 59.3],
        [18.02, 59.31],
        [18.01, 59.32],
      ],
    });
    expect(features[1]?.geometry).toEqual({ type: 'Point', coordinates: [18.0, 59.3] });
    expect(features[2]?.geometry).toEqual({ type: 'Point', coordinates: [18.01, 59.32] });
  });

  it('crosses the antimeridian the short way', () => {
    const line = toTrackFeatures([
      { lat: 0, lon: 179.5 },
      { lat: 0, lon: -179.5 },
    ]).features[0]?.geometry;
    expect(line).toEqual({
      type: 'LineString',
      coordinates: [
        [179.5, 0],
        [180.5, 0],
      ],
    });
  });

  it('is empty for no points', () => {
    expect(toTrackFeatures([]).features).toEqual([]);
  });
});
