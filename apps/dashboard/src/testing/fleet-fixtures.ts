import { EXAMPLE_ASSET, type AssetDto, type SearchAssetsResponse } from '@beacon/contracts';

/** An asset with plausible defaults (the API's example, without label or position); override what the spec is about. */
export function anAsset(overrides: Partial<AssetDto> = {}): AssetDto {
  return { ...EXAMPLE_ASSET, label: null, position: null, ...overrides };
}

export function aSearchResponse(items: AssetDto[]): SearchAssetsResponse {
  const count = (status: AssetDto['status']) => items.filter((a) => a.status === status).length;
  return {
    items,
    total: items.length,
    counts: {
      online: count('online'),
      offline: count('offline'),
      unknown: count('unknown'),
    },
    nextCursor: null,
  };
}
