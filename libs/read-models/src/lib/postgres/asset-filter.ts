import type { AssetSearch } from '../read-model.port';

/** A WHERE clause with its positional parameters. */
export interface SqlFilter {
  where: string;
  params: unknown[];
}

/**
 * The filter of a search, without its status part: counts by status use it as it is, the list and
 * the total add the status condition (see `statusCondition`). `$1` is always the query's `now`.
 */
export function assetFilter(criteria: AssetSearch, now: Date): SqlFilter {
  const params: unknown[] = [now];
  const conditions: string[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown): void => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (criteria.customerId) add((p) => `customer_id = ${p}`, criteria.customerId);
  if (criteria.kind) add((p) => `kind = ${p}`, criteria.kind);
  if (criteria.q?.trim()) add((p) => `search_text LIKE ${p}`, `%${escapeLike(criteria.q.trim().toLowerCase())}%`);
  return { where: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}

/** Status is decided against `$1` (now) at query time: online while `offline_at` is ahead of it. */
export function statusCondition(status: AssetSearch['status']): string {
  switch (status) {
    case 'online':
      return 'offline_at > $1';
    case 'offline':
      return 'offline_at <= $1';
    case 'unknown':
      return 'last_seen_at IS NULL';
    case undefined:
      // Still mentions $1, so every query of a search binds the same parameters.
      return '$1::timestamptz IS NOT NULL';
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
