export type AssetKind = 'vehicle' | 'aircraft';
export const ASSET_KINDS: readonly AssetKind[] = ['vehicle', 'aircraft'];
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
  /** True when the window held more positions than `points`: they stand for all of it, the newest last. */
  thinned: boolean;
}

/** One asset as the query side returns it (docs/API.md "Search"). */
export interface AssetDto {
  id: string;
  kind: AssetKind;
  customerId: string;
  customerName: string;
  registration: string | null;
  label: string | null;
  /** Aircraft: the callsign of the newest heartbeat that carried one, else the registered one. */
  callsign: string | null;
  /** When a heartbeat reported `callsign`; null while it is the registered one. */
  callsignAt: string | null;
  icao24: string | null;
  status: AssetStatus;
  lastSeenAt: string | null;
  /** Aircraft: the transponder code of the newest heartbeat, four octal digits; null when it had none. */
  squawk: string | null;
  /** Aircraft: climb (+) or descent (−) of the newest heartbeat, m/s; null when it had none. */
  verticalRate: number | null;
  /** Aircraft: on the ground, per the newest heartbeat; null when it did not say. */
  onGround: boolean | null;
  /** The device's battery, percent, per the newest heartbeat; null when it did not say. */
  battery: number | null;
  /** The GPS accuracy, metres, per the newest heartbeat; null when it did not say. */
  accuracy: number | null;
  /** Aircraft: the ADS-B emitter category (`A3`, `A7`, …) of the newest heartbeat; null when it had none. */
  category: string | null;
  position: PositionDto | null;
  timeoutSeconds: number;
  /** The asset stream's version, to send back in `If-Match` with a PATCH. */
  version: number;
}

/** An asset as the API returns it: the OpenAPI document's example, and a base for clients' test data. */
export const EXAMPLE_ASSET: AssetDto = {
  id: 'WVWZZZ1JZXW000001',
  kind: 'vehicle',
  customerId: 'acme',
  customerName: 'Acme Logistics',
  registration: 'B-AC 101',
  label: 'Delivery van 1',
  callsign: null,
  callsignAt: null,
  icao24: null,
  status: 'online',
  lastSeenAt: '2026-11-25T11:59:48.000Z',
  squawk: null,
  verticalRate: null,
  onGround: null,
  battery: 87,
  accuracy: 5,
  category: null,
  position: { lat: 59.3293, lon: 18.0686, altitude: null, speed: 12.5, heading: 90, timestamp: '2026-11-25T11:59:48.000Z' },
  timeoutSeconds: 60,
  version: 1,
};

export type StatusCounts = Record<AssetStatus, number>;

export interface SearchAssetsResponse {
  items: AssetDto[];
  total: number;
  counts: StatusCounts;
  nextCursor: string | null;
}
