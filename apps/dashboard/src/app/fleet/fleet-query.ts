import type { AssetKind, AssetStatus } from '@beacon/contracts';
import { ASSET_KINDS, ASSET_STATUSES } from '@beacon/contracts';
import type { FleetSort } from './fleet-sort';

/**
 * What the user has chosen to look at, and in which order; '' means "no filter" (the selects' "All …"
 * option) or, for `sort`, the search's default order.
 */
export interface FleetQuery {
  q: string;
  customerId: string;
  status: AssetStatus | '';
  kind: AssetKind | '';
  /** The map's area the user searched (`minLon,minLat,maxLon,maxLat`, fleet-map/map-area.ts). */
  bbox: string;
  sort: FleetSort | '';
}

export const EMPTY_QUERY: FleetQuery = { q: '', customerId: '', status: '', kind: '', bbox: '', sort: '' };

/**
 * Rows asked for at a time as the user scrolls: many screens of the table, and a small answer.
 * A refresh re-reads what is loaded in answers of up to `FLEET_REFRESH_LIMIT`, the API's largest page.
 */
export const FLEET_PAGE_SIZE = 200;
export const FLEET_REFRESH_LIMIT = 1000;

export function isAssetStatus(value: string): value is AssetStatus {
  return (ASSET_STATUSES as readonly string[]).includes(value);
}

export function isAssetKind(value: string): value is AssetKind {
  return (ASSET_KINDS as readonly string[]).includes(value);
}
