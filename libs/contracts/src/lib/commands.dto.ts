import type { AssetKind } from './asset.dto';

export interface RegisterCustomerRequest {
  id?: string;
  name: string;
  address?: string;
}

export interface RegisterAssetRequest {
  id: string;
  kind: AssetKind;
  customerId: string;
  registration?: string;
  label?: string;
  callsign?: string;
  icao24?: string;
  timeoutSeconds?: number;
}

/** `PATCH /api/v1/assets/:id`: only the fields present change. */
export interface UpdateAssetRequest {
  customerId?: string;
  label?: string | null;
  timeoutSeconds?: number;
}

export type ApiKeyRole = 'admin' | 'viewer' | 'device';

export interface IssueApiKeyRequest {
  role: ApiKeyRole;
  customerId?: string;
  name: string;
  /** ISO-8601; after it the key is refused. */
  expiresAt?: string;
}

/** An issued key as an admin sees it: never the key itself, nor its digest. */
export interface ApiKeyDto {
  id: string;
  name: string;
  role: ApiKeyRole;
  customerId: string | null;
  issuedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When it was last used, to a few seconds; null when never. */
  lastUsedAt: string | null;
}

export interface ApiKeyList {
  items: ApiKeyDto[];
}

/** The key is shown this once; Beacon keeps only its digest. */
export interface IssueApiKeyResponse {
  id: string;
  key: string;
}

/** Answer of a command that created or changed a stream. */
export interface StreamVersionResponse {
  id: string;
  version: number;
}

/**
 * A heartbeat as a device sends it (docs/API.md "Heartbeats"); units are SI (metres, m/s,
 * degrees), and the last five fields are for aircraft (ADS-B feeds). The domain's `HeartbeatInput`
 * has the same fields and takes this shape as it is; the two are declared apart so that contracts
 * depend on nothing (decision 031).
 */
export interface HeartbeatRequest {
  /** ISO-8601; when the position was taken. Defaults to when it was received. */
  timestamp?: string;
  lat?: number;
  lon?: number;
  /** Metres above sea level. */
  altitude?: number;
  /** Metres per second. */
  speed?: number;
  /** Degrees clockwise from true north, 0 ≤ heading < 360. */
  heading?: number;
  /** Metres. */
  accuracy?: number;
  /** Percent. */
  battery?: number;
  /** The device's id for this message, so that one sent twice is stored once. */
  messageId?: string;
  /** Metres per second, climbing when positive. */
  verticalRate?: number;
  onGround?: boolean;
  squawk?: string;
  callsign?: string;
  /** The ADS-B emitter category, `A0`–`D7` (`A3` large aircraft, `A7` rotorcraft). */
  category?: string;
}

/** A heartbeat of a batch names its asset. */
export interface BatchHeartbeatRequest extends HeartbeatRequest {
  assetId: string;
}

export interface RejectedHeartbeatDto {
  index: number;
  error: string;
  details: { field: string; reason: string }[];
}

export interface HeartbeatsAcceptedResponse {
  accepted: number;
  duplicates: number;
  rejected: RejectedHeartbeatDto[];
}
