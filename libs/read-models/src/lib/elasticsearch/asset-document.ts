import type { AssetDto, AssetKind, PositionDto } from '@beacon/contracts';
import { assetStatus } from '@beacon/domain';

/** An asset as stored in the assets index (see ASSET_MAPPINGS). */
export interface AssetDocument {
  id: string;
  kind: AssetKind;
  customerId: string;
  customerName: string;
  registration: string | null;
  label: string | null;
  callsign: string | null;
  icao24: string | null;
  timeoutSeconds: number;
  lastSeenAt: string | null;
  /** lastSeenAt + timeout: status filters are range queries on it against the query's `now`. */
  offlineAt: string | null;
  /** The latest position, returned as is. */
  position: PositionDto | null;
  /** The indexed copy of the latest position, for bounding boxes. */
  location: { lat: number; lon: number } | null;
  /** The asset stream's version, for `If-Match`. */
  version: number;
  /** Kept as a tombstone so a replay cannot bring the asset back; never returned. */
  decommissioned: boolean;
}

export interface CustomerDocument {
  id: string;
  name: string;
  address: string | null;
}

export function offlineAt(lastSeenAt: string | null, timeoutSeconds: number): string | null {
  return lastSeenAt === null ? null : new Date(Date.parse(lastSeenAt) + timeoutSeconds * 1000).toISOString();
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
    status: assetStatus(doc.lastSeenAt === null ? null : new Date(doc.lastSeenAt), doc.timeoutSeconds, now),
    lastSeenAt: doc.lastSeenAt,
    position: doc.position,
    timeoutSeconds: doc.timeoutSeconds,
    version: doc.version,
  };
}
