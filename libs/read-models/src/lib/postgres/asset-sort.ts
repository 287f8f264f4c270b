import type { AssetSort, AssetSortField } from '../read-model.port';
import type { SqlParams } from './asset-filter';
import type { CursorPosition } from './search-cursor';

interface SortColumn {
  /** What rows are ordered by. */
  key: string;
  /** The key as text, for a cursor; read back with a cast to `type`. */
  keyAsText: string;
  type: 'text' | 'timestamptz';
}

/** Ids compare by code point whatever the database's locale, as everywhere in the port. */
const ID = 'id COLLATE "C"';

const SORT_COLUMNS: Record<AssetSortField, SortColumn> = {
  // Lower-cased under pg_c_utf8 (Unicode case mapping; the database may run in C), then compared
  // by code point. The expression is the one indexed by rm_assets_registration_order (ascending).
  registration: {
    key: 'lower(registration COLLATE pg_c_utf8) COLLATE "C"',
    keyAsText: 'lower(registration COLLATE pg_c_utf8)',
    type: 'text',
  },
  // Microseconds in the cursor: a millisecond string could fall between two stored instants.
  lastSeenAt: {
    key: 'last_seen_at',
    keyAsText: `to_char(last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    type: 'timestamptz',
  },
  id: { key: ID, keyAsText: 'id', type: 'text' },
};

/** What an order is written with: the sort key and the id, each compared by code point. */
export interface OrderColumns {
  key: string;
  id: string;
  type: SortColumn['type'];
}

/**
 * The registration order as the search rows (`rm_asset_search`, alias `s`) hold it: their
 * `registration_key` is the same lower-cased registration (migration SearchRowsInPageOrder1764001800000).
 */
export const SEARCH_ROW_REGISTRATION_ORDER: OrderColumns = {
  key: 's.registration_key COLLATE "C"',
  id: 's.asset_id COLLATE "C"',
  type: 'text',
};

function assetColumnsFor(sort: AssetSort): OrderColumns {
  const { key, type } = SORT_COLUMNS[sort.field];
  return { key, id: ID, type };
}

export function sortKeyAsText(sort: AssetSort): string {
  return SORT_COLUMNS[sort.field].keyAsText;
}

/** Rows without a key last in either direction, then ids ascending: a total order. */
export function orderBy(sort: AssetSort, columns: OrderColumns = assetColumnsFor(sort)): string {
  const { key, id } = columns;
  const tieBreak = sort.field === 'id' ? '' : `, ${id} ASC`;
  return `${key} ${sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST${tieBreak}`;
}

/** The rows that come after `position` in that order (keyset paging). */
export function afterPosition(
  sort: AssetSort,
  position: CursorPosition,
  params: SqlParams,
  columns: OrderColumns = assetColumnsFor(sort),
): string {
  const { key, id: idColumn, type } = columns;
  const id = params.add(position.id);
  if (position.key === null) return `(${key} IS NULL AND ${idColumn} > ${id})`;
  const value = `${params.add(position.key)}::${type}`;
  const beyond = sort.direction === 'asc' ? '>' : '<';
  return `(${key} ${beyond} ${value} OR (${key} = ${value} AND ${idColumn} > ${id}) OR ${key} IS NULL)`;
}
