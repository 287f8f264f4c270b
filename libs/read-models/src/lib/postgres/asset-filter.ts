import type { AssetSearch } from '../read-model.port';

/** Collects positional parameters while a statement is written: `params.add(value)` → `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The WHERE clause of a search without its status part (counts by status need it that way). */
export function assetFilter(criteria: AssetSearch, params: SqlParams): string {
  const conditions: string[] = [];
  if (criteria.customerId) conditions.push(`customer_id = ${params.add(criteria.customerId)}`);
  if (criteria.kind) conditions.push(`kind = ${params.add(criteria.kind)}`);
  const text = criteria.q?.trim().toLowerCase();
  if (text) conditions.push(`search_text LIKE ${params.add(`%${escapeLike(text)}%`)}`);
  return conditions.length ? conditions.join(' AND ') : 'TRUE';
}

/** Status is decided against `now` at query time: online while `offline_at` is still ahead. */
export function statusCondition(status: AssetSearch['status'], now: Date, params: SqlParams): string {
  switch (status) {
    case 'online':
      return `offline_at > ${params.add(now)}`;
    case 'offline':
      return `offline_at <= ${params.add(now)}`;
    case 'unknown':
      return 'last_seen_at IS NULL';
    case undefined:
      return 'TRUE';
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
