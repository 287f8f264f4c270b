import type { AssetSearch, BoundingBox } from '../read-model.port';
import { searchRowConditions, textCondition } from './text-match';

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
 * The same filter on the search rows (alias `s`), for a search with text and without an area: the
 * rows carry the customer and kind beside the words (migration SearchRowsInPageOrder1764001800000).
 */
export function searchRowFilter(filter: AssetFilter, params: SqlParams): string {
  const conditions = searchRowConditions(filter.terms, params);
  if (filter.customerId) conditions.push(`s.customer_id = ${params.add(filter.customerId)}`);
  if (filter.kind) conditions.push(`s.kind = ${params.add(filter.kind)}`);
  return conditions.join(' AND ');
}

/** The cell `area_lon`/`area_lat` bin positions into, in degrees (migration AssetUpdatesStayOnTheirPage). */
const AREA_CELL_DEGREES = 0.05;

/**
 * Candidates come from the GiST index on the position's cell, `point(area_lon, area_lat)`, in the
 * box grown by a cell on every side (a cell's corner lies up to a cell below and left of the
 * positions in it; the margin above absorbs rounding); the BETWEENs then state the rule on the exact
 * position: every edge inclusive, and a box with west > east (which `box()` would quietly turn
 * around) finds nothing. Assets without a position have a NULL point and never match.
 */
function insideBox({ minLon, minLat, maxLon, maxLat }: BoundingBox, params: SqlParams): string {
  const [west, south, east, north] = [minLon, minLat, maxLon, maxLat].map((v) => `${params.add(v)}::float8`);
  const cell = AREA_CELL_DEGREES;
  return `point(area_lon, area_lat) <@ box(point(${west} - ${cell}, ${south} - ${cell}), point(${east} + ${cell}, ${north} + ${cell}))
      AND lon BETWEEN ${west} AND ${east} AND lat BETWEEN ${south} AND ${north}`;
}

/**
 * Status is decided against `now` at query time: online while `offline_at` is still ahead. The
 * index is on `offline_minute` (`offline_at` binned down to the minute), so each condition comes
 * with the one on the minute that it implies, for the index to answer.
 */
export function statusCondition(status: AssetSearch['status'], now: Date, params: SqlParams): string {
  switch (status) {
    case 'online': {
      const at = params.add(now);
      return `offline_minute > ${at}::timestamptz - interval '1 minute' AND offline_at > ${at}`;
    }
    case 'offline': {
      const at = params.add(now);
      return `offline_minute <= ${at} AND offline_at <= ${at}`;
    }
    case 'unknown':
      return 'last_seen_at IS NULL';
    case undefined:
      return 'TRUE';
  }
}
