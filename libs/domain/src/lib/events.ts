import type { AssetKind } from './asset-kind';

/** Events are facts in the past tense, as stored in the event log (`type` + `data`). */
export interface CustomerRegistered {
  type: 'CustomerRegistered';
  data: { customerId: string; name: string; address: string | null; registeredAt: string };
}

export interface AssetRegistered {
  type: 'AssetRegistered';
  data: {
    assetId: string;
    kind: AssetKind;
    customerId: string;
    registration: string | null;
    label: string | null;
    callsign: string | null;
    icao24: string | null;
    timeoutSeconds: number;
    registeredAt: string;
  };
}

/** A position report or a bare "I am alive" from a device, normalised to SI units. */
export interface HeartbeatRecorded {
  type: 'HeartbeatRecorded';
  data: {
    assetId: string;
    timestamp: string;
    lat: number | null;
    lon: number | null;
    altitude: number | null;
    speed: number | null;
    heading: number | null;
    accuracy: number | null;
    battery: number | null;
    messageId: string | null;
  };
}

export type CustomerEvent = CustomerRegistered;
export type AssetEvent = AssetRegistered;
export type BeaconEvent = CustomerEvent | AssetEvent | HeartbeatRecorded;
