import type { AssetKind, AssetStatus } from '@beacon/contracts';
import type { AssetSearch, AssetSort, AssetSortField, BoundingBox } from '@beacon/read-models';
import { ApiError } from '../../http/api-error';
import { compileSchema } from '../../http/schema-validator';
import { searchAssetsQuerySchema } from './search-assets.schema';

interface SearchQueryString {
  q?: string;
  customerId?: string;
  status?: AssetStatus | '';
  kind?: AssetKind | '';
  bbox?: string;
  sort?: string;
  cursor?: string;
  limit?: number;
}

const validate = compileSchema<SearchQueryString>(searchAssetsQuerySchema);

export const DEFAULT_SEARCH_LIMIT = 100;

/** The query string of a search, checked (400 naming the field at fault) and typed. */
export function parseSearchParams(query: Record<string, string>): AssetSearch {
  const params = validate({ ...query, ...(query['limit'] !== undefined ? { limit: Number(query['limit']) } : {}) });
  return {
    q: params.q?.trim() || undefined,
    customerId: params.customerId || undefined,
    status: params.status || undefined,
    kind: params.kind || undefined,
    bbox: params.bbox === undefined ? undefined : parseBbox(params.bbox),
    sort: params.sort === undefined ? undefined : parseSort(params.sort),
    cursor: params.cursor || undefined,
    limit: params.limit ?? DEFAULT_SEARCH_LIMIT,
  };
}

export function parseBbox(text: string): BoundingBox {
  const [minLon, minLat, maxLon, maxLat] = text.split(',').map(Number) as [number, number, number, number];
  const fail = (reason: string): never => {
    throw new ApiError('invalid_request', 'bbox is invalid', [{ field: 'bbox', reason }]);
  };
  if ([minLon, maxLon].some((lon) => lon < -180 || lon > 180)) fail('longitudes must lie in [-180, 180]');
  if ([minLat, maxLat].some((lat) => lat < -90 || lat > 90)) fail('latitudes must lie in [-90, 90]');
  if (minLon > maxLon || minLat > maxLat) fail('must be minLon,minLat,maxLon,maxLat with min ≤ max');
  return { minLon, minLat, maxLon, maxLat };
}

function parseSort(text: string): AssetSort {
  const [field, direction] = text.split(':') as [AssetSortField, 'asc' | 'desc' | undefined];
  return { field, direction: direction ?? 'asc' };
}
