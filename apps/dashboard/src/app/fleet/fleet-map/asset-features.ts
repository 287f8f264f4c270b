import type { AssetDto, AssetKind, AssetStatus } from '@beacon/contracts';
import type { Feature, FeatureCollection, Point } from 'geojson';

/** What the map's layers read from an asset: its status colours the point, its heading turns the arrow. */
export interface AssetFeatureProperties {
  id: string;
  status: AssetStatus;
  kind: AssetKind;
  /** Degrees clockwise from north; null when the asset reported none. */
  heading: number | null;
}

export type AssetFeatures = FeatureCollection<Point, AssetFeatureProperties>;

/**
 * The fleet as the map's one GeoJSON source. Assets never seen at a position have nowhere to be
 * drawn and are left out; the table still lists them.
 */
export function toAssetFeatures(assets: readonly AssetDto[]): AssetFeatures {
  const features: Feature<Point, AssetFeatureProperties>[] = [];
  for (const asset of assets) {
    const position = asset.position;
    if (position === null) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [position.lon, position.lat] },
      properties: { id: asset.id, status: asset.status, kind: asset.kind, heading: position.heading },
    });
  }
  return { type: 'FeatureCollection', features };
}
