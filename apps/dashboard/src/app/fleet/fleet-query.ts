import type { AssetKind, AssetStatus } from '@beacon/contracts';
import { ASSET_KINDS, ASSET_STATUSES } from '@beacon/contracts';

/** What the user has chosen to look at; '' means "no filter" (the selects' "All …" option). */
export interface FleetQuery {
  q: string;
  customerId: string;
  status: AssetStatus | '';
  kind: AssetKind | '';
}

export const EMPTY_QUERY: FleetQuery = { q: '', customerId: '', status: '', kind: '' };

/** The dashboard shows the whole fleet on one page; a thousand rows is plenty for the demo. */
export const FLEET_PAGE_LIMIT = 1000;

export function isAssetStatus(value: string): value is AssetStatus {
  return (ASSET_STATUSES as readonly string[]).includes(value);
}

export function isAssetKind(value: string): value is AssetKind {
  return (ASSET_KINDS as readonly string[]).includes(value);
}
