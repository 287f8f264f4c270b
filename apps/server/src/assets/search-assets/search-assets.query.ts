import type { AssetSearch } from '@beacon/read-models';

export class SearchAssetsQuery {
  constructor(
    readonly criteria: AssetSearch,
    /** The one customer the caller may see, or null for all. */
    readonly scope: string | null,
  ) {}
}
