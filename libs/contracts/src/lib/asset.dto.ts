export type AssetKind = 'vehicle' | 'aircraft';
export type AssetStatus = 'online' | 'offline' | 'unknown';

export const ASSET_STATUSES: readonly AssetStatus[] = ['online', 'offline', 'unknown'];

/** The latest known position of an asset, in SI units. */
export interface PositionDto {
  lat: number;
  lon: number;
  altitude: number | null;
  speed: number | null;
  heading: number | null;
  timestamp: string;
}

/** One point of an asset's track: where it was at `timestamp`, in SI units (a position's shape). */
export type TrackPointDto = PositionDto;

/** `GET /api/v1/assets/:id/track` (docs/API.md "Track"): the points oldest first, thinned to `maxPoints`. */
export interface TrackResponse {
  points: TrackPointDto[];
}

/** One asset as the query side returns it (docs/API.md "Search"). */
export interface AssetDto {
  id: string;
  kind: AssetKind;
  customerId: string;
  customerName: string;
  registration: string | null;
  label: string | null;
  callsign: string | null;
  icao24: string | null;
  status: AssetStatus;
  lastSeenAt: string | null;
  position: PositionDto | null;
  timeoutSeconds: number;
  /** The asset stream's version, to send back in `If-Match` with a PATCH. */
  version: number;
}

export type StatusCounts = Record<AssetStatus, number>;

export interface SearchAssetsResponse {
  items: AssetDto[];
  total: number;
  counts: StatusCounts;
  nextCursor: string | null;
}
