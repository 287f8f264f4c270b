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
    /** Aircraft: climb (+) or descent (-) in m/s. */
    verticalRate?: number | null;
    /** Aircraft: on the ground rather than airborne. */
    onGround?: boolean | null;
    /** Aircraft: the transponder code, four octal digits. */
    squawk?: string | null;
    /** Aircraft: the flight's callsign as transmitted, trimmed. */
    callsign?: string | null;
    /** Aircraft: the ADS-B emitter category, `A0`–`D7`; absent from heartbeats stored before Beacon kept it. */
    category?: string | null;
  };
}

export interface AssetReassigned {
  type: 'AssetReassigned';
  data: { assetId: string; fromCustomerId: string; toCustomerId: string; at: string };
}

export interface AssetLabelChanged {
  type: 'AssetLabelChanged';
  data: { assetId: string; label: string | null; at: string };
}

export interface AssetTimeoutChanged {
  type: 'AssetTimeoutChanged';
  data: { assetId: string; timeoutSeconds: number; at: string };
}

/** The asset leaves the fleet; its history stays in the log. */
export interface AssetDecommissioned {
  type: 'AssetDecommissioned';
  data: { assetId: string; at: string };
}

export type CustomerEvent = CustomerRegistered;
export type AssetEvent = AssetRegistered | AssetReassigned | AssetLabelChanged | AssetTimeoutChanged | AssetDecommissioned;
export type BeaconEvent = CustomerEvent | AssetEvent | HeartbeatRecorded;

/** Every type of `BeaconEvent`; the check below fails to compile if one is added there and not here. */
const BEACON_EVENT_TYPES = [
  'CustomerRegistered',
  'AssetRegistered',
  'HeartbeatRecorded',
  'AssetReassigned',
  'AssetLabelChanged',
  'AssetTimeoutChanged',
  'AssetDecommissioned',
] as const satisfies readonly BeaconEvent['type'][];
type Unlisted = Exclude<BeaconEvent['type'], (typeof BEACON_EVENT_TYPES)[number]>;
const everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTypeListed;
const beaconEventTypes = new Set<string>(BEACON_EVENT_TYPES);

/**
 * Tells a customer, asset or heartbeat event apart from the other facts of the log (API keys, …),
 * for readers of the whole log: afterwards `type` narrows `data` as the event's own interface says.
 */
export function isBeaconEvent<E extends { type: string; data: object }>(event: E): event is E & BeaconEvent {
  return beaconEventTypes.has(event.type);
}
