import type { HeartbeatInput } from '@beacon/domain';
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
 * A heartbeat as a device sends it (API.md "Heartbeats"); units are SI (metres, m/s, degrees).
 * It is exactly what the domain records a heartbeat from, so the type is the domain's.
 */
export type HeartbeatRequest = HeartbeatInput;

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
