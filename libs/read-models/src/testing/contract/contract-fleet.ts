import type { AssetKind } from '@beacon/contracts';
import { assetStream, customerStream, type AssetEvent, type CustomerRegistered, type HeartbeatRecorded } from '@beacon/domain';
import type { NewHeartbeat, NewEvent } from '@beacon/event-store';
import type { ReadModelHarness } from './read-model-harness';

/** Every status in the contract is decided against this instant. */
export const NOW = new Date('2026-03-10T12:00:00.000Z');

export const AURORA = 'aurora'; // a customer without assets
export const NORDIC = 'nordic';
export const GREEN = 'green';
export const SKYLINE = 'skyline';

// Vehicles (VINs), then aircraft (ICAO addresses). Comments: city of the latest position, status at NOW.
export const REFRIGERATED_TRUCK = 'YS2R4X20005399401'; // Stockholm, online; the track
export const TIPPER = 'VLUR4X20009093588'; // Stockholm, offline; heartbeats newest first in one batch
export const REFRIGERATED_VAN = 'YS2R4X20005388011'; // Gothenburg, online; label changed from "Cargo van"
export const CRANE_TRUCK = 'WDB9634031L123456'; // never heard: unknown
export const TRACTOR = 'XLRTE47MS0E654321'; // Malmö, offline
export const MILK_TANKER = 'YV2RT40A5LB987654'; // Gothenburg, online; older heartbeats arrive later
export const FLATBED = 'WMA06XZZ8HM112233'; // Malmö, online; reassigned from Nordic to Greenfield
export const SPARE_TRAILER = 'TRL00000000000008'; // never heard: unknown; no registration
export const SCRAPPED_TRUCK = 'YS2R4X20005377777'; // decommissioned: gone from every answer
export const FEED_TRUCK = 'VF622GVA000445566'; // Uppsala; offline at 60 s, online once its timeout is 600 s
export const RYANAIR_737 = '4ca7b3'; // Arlanda, online; an older heartbeat with another squawk arrives later
export const SAS_A320 = '4ab0f1'; // Landvetter, offline; an older heartbeat, the only one with a callsign, arrives later
export const NORWEGIAN_JET = '4acaa5'; // exactly on 56.25 N 11.25 E over the Kattegat, online; no registration; a new callsign
export const SAS_737_MAX = '478f3c'; // online with a bare heartbeat: no position

interface FleetAsset {
  id: string;
  kind: AssetKind;
  customerId: string;
  registration: string | null;
  label: string | null;
  callsign?: string;
  icao24?: string;
  timeoutSeconds?: number;
}

const CUSTOMERS: CustomerRegistered['data'][] = [
  { customerId: AURORA, name: 'Aurora Logistics', address: null, registeredAt: '2026-01-01T00:00:00.000Z' },
  { customerId: NORDIC, name: 'Nordic Åkeri AB', address: 'Hamngatan 1, Stockholm', registeredAt: '2026-01-01T00:00:00.000Z' },
  { customerId: SKYLINE, name: 'Skyline Aviation', address: null, registeredAt: '2026-01-01T00:00:00.000Z' },
  { customerId: GREEN, name: 'Greenfield Farms', address: 'Box 12, Uppsala', registeredAt: '2026-01-01T00:00:00.000Z' },
];

const ASSETS: FleetAsset[] = [
  { id: REFRIGERATED_TRUCK, kind: 'vehicle', customerId: NORDIC, registration: 'ABC-123', label: 'Refrigerated truck' },
  { id: TIPPER, kind: 'vehicle', customerId: NORDIC, registration: 'abc 7', label: 'Tipper' },
  { id: REFRIGERATED_VAN, kind: 'vehicle', customerId: NORDIC, registration: 'AB100', label: 'Cargo van' },
  { id: CRANE_TRUCK, kind: 'vehicle', customerId: NORDIC, registration: 'bravo-9', label: 'Crane truck' },
  { id: TRACTOR, kind: 'vehicle', customerId: GREEN, registration: 'Charlie 5', label: 'Tractor' },
  { id: MILK_TANKER, kind: 'vehicle', customerId: GREEN, registration: 'DEF456', label: 'Milk tanker', timeoutSeconds: 300 },
  { id: FLATBED, kind: 'vehicle', customerId: NORDIC, registration: 'XYZ-999', label: 'Flatbed' },
  { id: SPARE_TRAILER, kind: 'vehicle', customerId: GREEN, registration: null, label: 'Spare trailer' },
  { id: SCRAPPED_TRUCK, kind: 'vehicle', customerId: NORDIC, registration: 'GHI-321', label: 'Old truck' },
  { id: FEED_TRUCK, kind: 'vehicle', customerId: GREEN, registration: 'JKL 012', label: 'Feed truck' },
  {
    id: RYANAIR_737,
    kind: 'aircraft',
    customerId: SKYLINE,
    registration: 'EI-FMV',
    label: 'Boeing 737-800',
    callsign: 'RYR4KC',
    icao24: '4ca7b3',
  },
  {
    id: SAS_A320,
    kind: 'aircraft',
    customerId: SKYLINE,
    registration: 'SE-ROM',
    label: 'Airbus A320',
    callsign: 'SAS1234',
    icao24: '4ab0f1',
  },
  { id: NORWEGIAN_JET, kind: 'aircraft', customerId: SKYLINE, registration: null, label: null, callsign: 'NSZ77', icao24: '4acaa5' },
  {
    id: SAS_737_MAX,
    kind: 'aircraft',
    customerId: SKYLINE,
    registration: 'LN-RKF',
    label: 'Boeing 737 MAX',
    callsign: 'SAS4421',
    icao24: '478f3c',
  },
];

/** Where the device was, and whatever else its heartbeat said (battery, squawk, …). */
type Fix = { lat: number; lon: number } & Partial<Omit<HeartbeatRecorded['data'], 'assetId' | 'timestamp' | 'lat' | 'lon'>>;

/** A heartbeat at `timestamp`; without `fix` a bare "I am alive". */
export function heartbeat(assetId: string, timestamp: string, fix?: Fix): NewHeartbeat {
  return {
    dedupeKey: `t:${timestamp}`,
    data: {
      assetId,
      timestamp,
      lat: null,
      lon: null,
      altitude: null,
      speed: null,
      heading: null,
      accuracy: null,
      battery: null,
      messageId: null,
      ...fix,
    },
    metadata: { correlationId: `contract-${assetId}`, receivedAt: timestamp, source: 'contract' },
  };
}

/** The truck's day: a track across midnight UTC, with a bare heartbeat among the positions. */
const REFRIGERATED_TRUCK_DAY: NewHeartbeat[] = [
  heartbeat(REFRIGERATED_TRUCK, '2026-03-09T12:00:00.000Z', { lat: 59.29, lon: 17.99, speed: 9, heading: 44 }),
  heartbeat(REFRIGERATED_TRUCK, '2026-03-09T23:50:00.000Z', { lat: 59.3, lon: 18.0, speed: 10, heading: 45 }),
  heartbeat(REFRIGERATED_TRUCK, '2026-03-09T23:55:00.000Z', { lat: 59.31, lon: 18.01, speed: 11, heading: 46 }),
  heartbeat(REFRIGERATED_TRUCK, '2026-03-10T00:02:00.000Z'),
  heartbeat(REFRIGERATED_TRUCK, '2026-03-10T00:05:00.000Z', { lat: 59.32, lon: 18.02, speed: 12, heading: 47 }),
  heartbeat(REFRIGERATED_TRUCK, '2026-03-10T00:10:00.000Z', { lat: 59.33, lon: 18.03, speed: 13, heading: 48 }),
  heartbeat(REFRIGERATED_TRUCK, '2026-03-10T11:59:30.000Z', { lat: 59.3293, lon: 18.0686, speed: 12.5, heading: 90 }),
];

const FIRST_HEARTBEATS: NewHeartbeat[] = [
  ...REFRIGERATED_TRUCK_DAY,
  // Newest first within one batch: the stored position must still be the 00:06 one.
  heartbeat(TIPPER, '2026-03-10T00:06:00.000Z', { lat: 59.335, lon: 18.06, speed: 0, heading: 0 }),
  heartbeat(TIPPER, '2026-03-09T23:56:00.000Z', { lat: 59.334, lon: 18.05, speed: 5, heading: 270 }),
  heartbeat(REFRIGERATED_VAN, '2026-03-10T11:59:45.000Z', { lat: 57.7089, lon: 11.9746, speed: 8, heading: 120 }),
  heartbeat(TRACTOR, '2026-03-10T10:00:00.000Z', { lat: 55.605, lon: 13.0038, speed: 3, heading: 15 }),
  heartbeat(MILK_TANKER, '2026-03-10T11:58:00.000Z', { lat: 57.7, lon: 11.97, speed: 13.5, heading: 180, battery: 76, accuracy: 4.5 }),
  heartbeat(FLATBED, '2026-03-10T11:59:30.000Z', { lat: 55.59, lon: 13.01, speed: 20, heading: 200 }),
  heartbeat(SCRAPPED_TRUCK, '2026-03-10T11:59:50.000Z', { lat: 59.33, lon: 18.07, speed: 1, heading: 10 }),
  heartbeat(FEED_TRUCK, '2026-03-10T11:55:00.000Z', { lat: 59.8586, lon: 17.6389, speed: 7, heading: 300 }),
  heartbeat(RYANAIR_737, '2026-03-10T11:59:50.000Z', {
    lat: 59.6519,
    lon: 17.9186,
    altitude: 1200,
    speed: 80,
    heading: 10,
    squawk: '2000',
    verticalRate: 6.5,
    onGround: false,
    category: 'A3',
  }),
  heartbeat(SAS_A320, '2026-03-10T11:00:00.000Z', { lat: 57.6628, lon: 12.2798, altitude: 0, speed: 0, heading: 90 }),
  // Flying as NSZ81K now: the callsign it was registered with (NSZ77) no longer finds it.
  heartbeat(NORWEGIAN_JET, '2026-03-10T11:59:55.000Z', {
    lat: 56.25,
    lon: 11.25,
    altitude: 10000,
    speed: 230,
    heading: 190,
    callsign: 'NSZ81K',
  }),
  heartbeat(SAS_737_MAX, '2026-03-10T11:59:40.000Z'),
];

/** Older than what the read model already holds when they arrive: they must change nothing but a callsign never reported before. */
const LATE_HEARTBEATS: NewHeartbeat[] = [
  heartbeat(MILK_TANKER, '2026-03-10T11:50:00.000Z', { lat: 59.34, lon: 18.06, speed: 14, heading: 0, battery: 99, accuracy: 50 }),
  heartbeat(MILK_TANKER, '2026-03-10T11:40:00.000Z', { lat: 55.6, lon: 13.0, speed: 15, heading: 0 }),
  heartbeat(RYANAIR_737, '2026-03-10T11:59:00.000Z', {
    lat: 59.64,
    lon: 17.92,
    altitude: 900,
    speed: 75,
    heading: 10,
    squawk: '7700',
    verticalRate: 0,
    onGround: true,
    category: 'A7',
  }),
  // Older than NSZ81K: the registered callsign must not come back.
  heartbeat(NORWEGIAN_JET, '2026-03-10T11:59:00.000Z', { lat: 56.3, lon: 11.3, callsign: 'NSZ77' }),
  // Older than the newest heartbeat, but the only one with a callsign: the callsign it flies under.
  heartbeat(SAS_A320, '2026-03-10T10:30:00.000Z', { lat: 57.66, lon: 12.28, altitude: 0, callsign: 'SAS902' }),
];

const AT = '2026-03-10T09:00:00.000Z';

/** Lifecycle changes after registration, in log order, each as version 2 of its asset's stream. */
const CHANGES: AssetEvent[] = [
  { type: 'AssetLabelChanged', data: { assetId: REFRIGERATED_VAN, label: 'Refrigerated van', at: AT } },
  { type: 'AssetReassigned', data: { assetId: FLATBED, fromCustomerId: NORDIC, toCustomerId: GREEN, at: AT } },
  { type: 'AssetTimeoutChanged', data: { assetId: FEED_TRUCK, timeoutSeconds: 600, at: AT } },
  { type: 'AssetDecommissioned', data: { assetId: SCRAPPED_TRUCK, at: AT } },
];

/**
 * Appends the fleet through the harness's event log and projects it, in two rounds so that late
 * heartbeats meet an already projected asset (the cross-batch path, not only the in-batch one).
 */
export async function loadContractFleet({ store, catchUp }: ReadModelHarness): Promise<void> {
  for (const data of CUSTOMERS) {
    await store.append(customerStream(data.customerId), [event({ type: 'CustomerRegistered', data })], { expectedVersion: 'no_stream' });
  }
  for (const { id, callsign, icao24, timeoutSeconds, ...asset } of ASSETS) {
    const data = {
      assetId: id,
      ...asset,
      callsign: callsign ?? null,
      icao24: icao24 ?? null,
      timeoutSeconds: timeoutSeconds ?? 60,
      registeredAt: AT,
    };
    await store.append(assetStream(id), [event({ type: 'AssetRegistered', data })], { expectedVersion: 'no_stream' });
  }
  await store.appendHeartbeats(FIRST_HEARTBEATS);
  await catchUp();
  for (const late of LATE_HEARTBEATS) await store.appendHeartbeats([late]);
  for (const change of CHANGES) await store.append(assetStream(change.data.assetId), [event(change)], { expectedVersion: 1 });
  await catchUp();
}

const event = (e: AssetEvent | CustomerRegistered): NewEvent => ({ type: e.type, data: e.data, metadata: { correlationId: 'contract' } });
