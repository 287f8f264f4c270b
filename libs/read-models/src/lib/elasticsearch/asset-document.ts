import type { AssetDto } from '@beacon/contracts';
import type { AssetView } from '@beacon/domain';
import { assetDtoOf } from '../asset-dto';

/**
 * An asset as stored in the assets index (see ASSET_MAPPINGS): the asset view, with its `offlineAt`
 * for status filters (range queries against the query's `now`), and what the index adds.
 */
export interface AssetDocument extends AssetView {
  customerName: string;
  /** The indexed copy of the latest position, for bounding boxes. */
  location: { lat: number; lon: number } | null;
  /** Kept as a tombstone so a replay cannot bring the asset back; never returned. */
  decommissioned: boolean;
}

export interface CustomerDocument {
  id: string;
  name: string;
  address: string | null;
}

/** The document as the API answers it: the asset view (new fields pass through) with its status at `now`. */
export function toAssetDto(doc: AssetDocument, now: Date): AssetDto {
  const { offlineAt: _offlineAt, location: _location, decommissioned: _decommissioned, customerName, ...view } = doc;
  return assetDtoOf(view, customerName, now);
}
