import type { AssetDto, AssetKind, AssetStatus, SearchAssetsResponse } from '@beacon/contracts';

export interface AssetSearch {
  q?: string;
  customerId?: string;
  status?: AssetStatus;
  kind?: AssetKind;
  limit: number;
}

export interface CustomerView {
  id: string;
  name: string;
  address: string | null;
  assetCount: number;
}

/**
 * What the query side asks of a read model. Status is computed from `now` at query time, so an
 * asset goes offline the moment its timeout passes, whether or not a projection has run since.
 */
export interface AssetReadModel {
  search(criteria: AssetSearch, now: Date): Promise<SearchAssetsResponse>;
  get(assetId: string, now: Date): Promise<AssetDto | null>;
  customers(): Promise<CustomerView[]>;
}

export const ASSET_READ_MODEL = Symbol('AssetReadModel');
