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

export function sortKeyAsText(sort: AssetSort): string {
  return SORT_COLUMNS[sort.field].keyAsText;
}

/** Rows without a key last in either direction, then ids ascending: a total order. */
export function orderBy(sort: AssetSort): string {
  const { key } = SORT_COLUMNS[sort.field];
  const tieBreak = sort.field === 'id' ? '' : `, ${ID} ASC`;
  return `${key} ${sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST${tieBreak}`;
}

/** The rows that come after `position` in that order (keyset paging). */
export function afterPosition(sort: AssetSort, position: CursorPosition, params: SqlParams): string {
  const { key, type } = SORT_COLUMNS[sort.field];
  const id = params.add(position.id);
  if (position.key === null) return `(${key} IS NULL AND ${ID} > ${id})`;
  const value = `${params.add(position.key)}::${type}`;
  const beyond = sort.direction === 'asc' ? '>' : '<';
  return `(${key} ${beyond} ${value} OR (${key} = ${value} AND ${ID} > ${id}) OR ${key} IS NULL)`;
}
