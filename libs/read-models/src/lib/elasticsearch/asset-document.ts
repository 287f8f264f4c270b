import type { AssetDto } from '@beacon/contracts';
import { statusAt, type AssetView } from '@beacon/domain';

/**
 * An asset as stored in the assets index (see ASSET_MAPPINGS): the asset view, with its `offlineAt`
 * for status filters (range queries against the query's `now`), and what the index adds.
 */
export interface AssetDocument extends AssetView {
  customerName: string;
  /** The indexed copy of the latest position, for bounding boxes. */
  location: { lat: number; lon: number } | null;
  /** Kept as a tombstone so a replay cannot bring the asset back; never returned. */
  decommissioned: boolean;
}

export interface CustomerDocument {
  id: string;
  name: string;
  address: string | null;
}

export function toAssetDto(doc: AssetDocument, now: Date): AssetDto {
  return {
    id: doc.id,
    kind: doc.kind,
    customerId: doc.customerId,
    customerName: doc.customerName,
    registration: doc.registration,
    label: doc.label,
    callsign: doc.callsign,
    icao24: doc.icao24,
    status: statusAt(doc, now),
    lastSeenAt: doc.lastSeenAt,
    position: doc.position,
    timeoutSeconds: doc.timeoutSeconds,
    version: doc.version,
  };
}
