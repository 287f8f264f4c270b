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

/** Answer of a command that created or changed a stream. */
export interface StreamVersionResponse {
  id: string;
  version: number;
}

/** A heartbeat as a device sends it (API.md "Heartbeats"); units are SI. */
export interface HeartbeatRequest {
  timestamp?: string;
  lat?: number;
  lon?: number;
  altitude?: number;
  speed?: number;
  heading?: number;
  accuracy?: number;
  battery?: number;
  messageId?: string;
}

export interface HeartbeatsAcceptedResponse {
  accepted: number;
  duplicates: number;
}
