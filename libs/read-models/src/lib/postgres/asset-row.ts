import type { AssetDto } from '@beacon/contracts';
import { assetDtoOf, type StoredAssetView } from '../asset-dto';

/** What a search reads of an `rm_assets` row: the view it keeps, and its customer's name (migration AssetViewDocument1764001300000). */
export interface AssetRow {
  view: StoredAssetView;
  customer_name: string;
}

export const ASSET_COLUMNS = `view, customer_name`;

export function toAssetDto(row: AssetRow, now: Date): AssetDto {
  return assetDtoOf(row.view, row.customer_name, now);
}
