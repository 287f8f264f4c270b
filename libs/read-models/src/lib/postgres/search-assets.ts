import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import type { Pool } from 'pg';
import type { AssetSearch, AssetSort } from '../read-model.port';
import { SqlParams, assetFilter, searchRowFilter, statusCondition, type AssetFilter } from './asset-filter';
import { ASSET_COLUMNS, toAssetDto, type AssetRow } from './asset-row';
import { SEARCH_ROW_REGISTRATION_ORDER, afterPosition, orderBy, sortKeyAsText } from './asset-sort';
import { encodeCursor, type CursorPosition } from './search-cursor';
import { countSearchRowsByStatus } from './search-row-counts';

export interface PageRequest {
  filter: AssetFilter;
  status: AssetSearch['status'];
  sort: AssetSort;
  limit: number;
  after: CursorPosition | null;
}

export interface Page {
  items: AssetDto[];
  nextCursor: string | null;
}

type PageRow = AssetRow & { sort_key: string | null };

/** One page in sort order; one row more than asked tells whether another page follows. */
export async function readPage(pool: Pool, request: PageRequest, now: Date): Promise<Page> {
  const result = await pool.query<PageRow>(pageFromSearchRows(request) ? searchRowPage(request) : assetPage(request, now));
  const rows = result.rows.slice(0, request.limit);
  const last = rows[rows.length - 1];
  const hasMore = result.rows.length > request.limit;
  return {
    items: rows.map((row) => toAssetDto(row, now)),
    nextCursor: hasMore && last ? encodeCursor(request.sort, { key: last.sort_key, id: last.view.id }) : null,
  };
}

/**
 * Whether the page can be chosen among the search rows: text, in registration order, and nothing
 * that heartbeats change (status, area), which only `rm_assets` holds.
 */
function pageFromSearchRows(request: PageRequest): boolean {
  return request.filter.terms.length > 0 && request.sort.field === 'registration' && request.status === undefined && !request.filter.bbox;
}

function assetPage(request: PageRequest, now: Date): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const conditions = [assetFilter(request.filter, params), statusCondition(request.status, now, params)];
  if (request.after) conditions.push(afterPosition(request.sort, request.after, params));
  return {
    text: `SELECT ${ASSET_COLUMNS}, ${sortKeyAsText(request.sort)} AS sort_key FROM rm_assets
      WHERE ${conditions.join(' AND ')}
      ORDER BY ${orderBy(request.sort)} LIMIT ${params.add(request.limit + 1)}`,
    values: params.values,
  };
}

/**
 * The page sorted among the matching search rows, then only its assets read (decision 043): a
 * common word's thousands of matches are never visited in `rm_assets`.
 */
function searchRowPage(request: PageRequest): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const order = SEARCH_ROW_REGISTRATION_ORDER;
  const conditions = [searchRowFilter(request.filter, params)];
  if (request.after) conditions.push(afterPosition(request.sort, request.after, params, order));
  const pageOrder = orderBy(request.sort, order);
  return {
    text: `SELECT a.view, a.customer_name, s.registration_key AS sort_key
       FROM (SELECT s.asset_id, s.registration_key FROM rm_asset_search s
              WHERE ${conditions.join(' AND ')}
              ORDER BY ${pageOrder} LIMIT ${params.add(request.limit + 1)}) s
       JOIN rm_assets a ON a.id = s.asset_id
      ORDER BY ${pageOrder}`,
    values: params.values,
  };
}

/**
 * Counts by status over the filter without its status part; `total` with it (all pages). A text
 * search without an area counts among its search rows alone (decision 049); any other search
 * reads `rm_assets`, where status and area live.
 */
export async function countByStatus(
  pool: Pool,
  filter: AssetFilter,
  status: AssetSearch['status'],
  now: Date,
): Promise<Pick<SearchAssetsResponse, 'total' | 'counts'>> {
  if (filter.terms.length > 0 && !filter.bbox) {
    const counts = await countSearchRowsByStatus(pool, filter, now);
    return { total: status === undefined ? counts.online + counts.offline + counts.unknown : counts[status], counts };
  }
  return countAssetsByStatus(pool, filter, status, now);
}

async function countAssetsByStatus(
  pool: Pool,
  filter: AssetFilter,
  status: AssetSearch['status'],
  now: Date,
): Promise<Pick<SearchAssetsResponse, 'total' | 'counts'>> {
  const params = new SqlParams();
  const where = assetFilter(filter, params);
  const at = params.add(now);
  const result = await pool.query<{ online: string; offline: string; unknown: string; total: string }>(
    `SELECT count(*) FILTER (WHERE offline_at > ${at}) AS online,
            count(*) FILTER (WHERE offline_at <= ${at}) AS offline,
            count(*) FILTER (WHERE last_seen_at IS NULL) AS unknown,
            count(*) FILTER (WHERE ${statusCondition(status, now, params)}) AS total
       FROM rm_assets WHERE ${where}`,
    params.values,
  );
  const row = result.rows[0];
  return {
    total: Number(row?.total ?? 0),
    counts: { online: Number(row?.online ?? 0), offline: Number(row?.offline ?? 0), unknown: Number(row?.unknown ?? 0) },
  };
}
