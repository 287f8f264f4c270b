import type { AssetDto, AssetKind } from '@beacon/contracts';
import { assetStatus } from '@beacon/domain';

export interface AssetRow {
  id: string;
  kind: AssetKind;
  customer_id: string;
  customer_name: string;
  registration: string | null;
  label: string | null;
  callsign: string | null;
  icao24: string | null;
  timeout_seconds: number;
  last_seen_at: Date | null;
  position_at: Date | null;
  lat: number | null;
  lon: number | null;
  altitude: number | null;
  speed: number | null;
  heading: number | null;
  version: number;
}

export const ASSET_COLUMNS = `id, kind, customer_id, customer_name, registration, label, callsign, icao24,
  timeout_seconds, last_seen_at, position_at, lat, lon, altitude, speed, heading, version`;

export function toAssetDto(row: AssetRow, now: Date): AssetDto {
  const hasPosition = row.position_at !== null && row.lat !== null && row.lon !== null;
  return {
    id: row.id,
    kind: row.kind,
    customerId: row.customer_id,
    customerName: row.customer_name,
    registration: row.registration,
    label: row.label,
    callsign: row.callsign,
    icao24: row.icao24,
    status: assetStatus(row.last_seen_at, row.timeout_seconds, now),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    position: hasPosition
      ? {
          lat: row.lat as number,
          lon: row.lon as number,
          altitude: row.altitude,
          speed: row.speed,
          heading: row.heading,
          timestamp: (row.position_at as Date).toISOString(),
        }
      : null,
    timeoutSeconds: row.timeout_seconds,
    version: row.version,
  };
}
