import { anAsset } from '../../../testing/fleet-fixtures';
import { toAssetFeatures } from './asset-features';

describe('toAssetFeatures', () => {
  const at = (lat: number, lon: number, heading: number | null = null) => ({
    lat,
    lon,
    altitude: null,
    speed: null,
    heading,
    timestamp: '2026-11-25T11:59:48.000Z',
  });

  it('makes one point per asset with a position, longitude first, carrying id, status, kind and heading', () => {
    const features = toAssetFeatures([
      anAsset({ id: 'van', status: 'online', kind: 'vehicle', position: at(59.33, 18.07, 90) }),
      anAsset({ id: 'plane', status: 'offline', kind: 'aircraft', position: at(57.7, 11.97) }),
    ]);

    expect(features.type).toBe('FeatureCollection');
    expect(features.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [18.07, 59.33] },
        properties: { id: 'van', status: 'online', kind: 'vehicle', heading: 90 },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [11.97, 57.7] },
        properties: { id: 'plane', status: 'offline', kind: 'aircraft', heading: null },
      },
    ]);
  });

  it('leaves out assets never seen at a position', () => {
    const features = toAssetFeatures([
      anAsset({ id: 'new', status: 'unknown', position: null }),
      anAsset({ id: 'seen', position: at(1, 2) }),
    ]);

    expect(features.features.map((f) => f.properties.id)).toEqual(['seen']);
  });

  it('is an empty collection for an empty fleet', () => {
    expect(toAssetFeatures([])).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
