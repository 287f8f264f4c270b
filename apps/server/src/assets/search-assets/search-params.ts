import { DEFAULT_SEARCH_LIMIT, searchAssetsQuerySchema, type SearchAssetsQueryParams } from '@beacon/contracts';
import type { AssetSearch, AssetSort, AssetSortField } from '@beacon/read-models';
import { parseBbox } from '../../http/parse-bbox';
import { compileSchema } from '../../http/schema-validator';

const validate = compileSchema<SearchAssetsQueryParams>(searchAssetsQuerySchema);

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

function parseSort(text: string): AssetSort {
  const [field, direction] = text.split(':') as [AssetSortField, 'asc' | 'desc' | undefined];
  return { field, direction: direction ?? 'asc' };
}
