import type { AssetSearch } from '@beacon/read-models';

export class SearchAssetsQuery {
  constructor(readonly criteria: AssetSearch) {}
}
