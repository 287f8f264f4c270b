import type { AssetSearch, BoundingBox } from '../read-model.port';
import { textCondition } from './text-match';

/** Collects positional parameters while a statement is written: `params.add(value)` → `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The criteria of a search other than status, with `q` already split into normalised terms. */
export type AssetFilter = Pick<AssetSearch, 'customerId' | 'kind' | 'bbox'> & { terms: string[] };

/** The WHERE clause of a search without its status part (counts by status need it that way). */
export function assetFilter(filter: AssetFilter, params: SqlParams): string {
  const conditions: string[] = [];
  if (filter.customerId) conditions.push(`customer_id = ${params.add(filter.customerId)}`);
  if (filter.kind) conditions.push(`kind = ${params.add(filter.kind)}`);
  if (filter.bbox) conditions.push(insideBox(filter.bbox, params));
  const text = textCondition(filter.terms, params);
  if (text) conditions.push(text);
  return conditions.length ? conditions.join(' AND ') : 'TRUE';
}

/**
 * The box operator finds candidates through the GiST index on `point(lon, lat)`; the BETWEENs
 * state the rule: every edge inclusive, and a box with west > east (which `box()` would quietly
 * turn around) finds nothing. Assets without a position have a NULL point and never match.
 */
function insideBox({ minLon, minLat, maxLon, maxLat }: BoundingBox, params: SqlParams): string {
  const [west, south, east, north] = [minLon, minLat, maxLon, maxLat].map((v) => `${params.add(v)}::float8`);
  return `point(lon, lat) <@ box(point(${west}, ${south}), point(${east}, ${north}))
      AND lon BETWEEN ${west} AND ${east} AND lat BETWEEN ${south} AND ${north}`;
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
