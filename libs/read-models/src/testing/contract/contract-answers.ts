import type { AssetDto, StatusCounts } from '@beacon/contracts';
import type { CustomerView, TrackPoint } from '../../lib/read-model.port';
import {
  AURORA,
  CRANE_TRUCK,
  FEED_TRUCK,
  FLATBED,
  GREEN,
  MILK_TANKER,
  NORDIC,
  NORWEGIAN_JET,
  REFRIGERATED_TRUCK,
  REFRIGERATED_VAN,
  RYANAIR_737,
  SAS_737_MAX,
  SAS_A320,
  SKYLINE,
  SPARE_TRAILER,
  TIPPER,
  TRACTOR,
} from './contract-fleet';

/*
 * The answers the contract expects, written out by hand from contract-fleet.ts. Lower-cased
 * registrations in code point order: "ab100" < "abc 7" < "abc-123" (' ' < '-' < '1' < 'c') <
 * "bravo-9" < "charlie 5" < "def456" < "ei-fmv" < "jkl 012" < "ln-rkf" < "se-rom" < "xyz-999",
 * then the two without one by id: "4acaa5" < "TRL…".
 */
export const BY_REGISTRATION = [
  REFRIGERATED_VAN,
  TIPPER,
  REFRIGERATED_TRUCK,
  CRANE_TRUCK,
  TRACTOR,
  MILK_TANKER,
  RYANAIR_737,
  FEED_TRUCK,
  SAS_737_MAX,
  SAS_A320,
  FLATBED,
  NORWEGIAN_JET,
  SPARE_TRAILER,
];

/** Descending, but the assets without a registration stay last (in id order). */
export const BY_REGISTRATION_DESC = [
  FLATBED,
  SAS_A320,
  SAS_737_MAX,
  FEED_TRUCK,
  RYANAIR_737,
  MILK_TANKER,
  TRACTOR,
  CRANE_TRUCK,
  REFRIGERATED_TRUCK,
  TIPPER,
  REFRIGERATED_VAN,
  NORWEGIAN_JET,
  SPARE_TRAILER,
];

/** FLATBED and REFRIGERATED_TRUCK were both last seen at 11:59:30: id ascending ("W…" < "Y…") either way. */
export const BY_LAST_SEEN_DESC = [
  NORWEGIAN_JET,
  RYANAIR_737,
  REFRIGERATED_VAN,
  SAS_737_MAX,
  FLATBED,
  REFRIGERATED_TRUCK,
  MILK_TANKER,
  FEED_TRUCK,
  SAS_A320,
  TRACTOR,
  TIPPER,
  SPARE_TRAILER,
  CRANE_TRUCK,
];

export const BY_LAST_SEEN_ASC = [
  TIPPER,
  TRACTOR,
  SAS_A320,
  FEED_TRUCK,
  MILK_TANKER,
  FLATBED,
  REFRIGERATED_TRUCK,
  SAS_737_MAX,
  REFRIGERATED_VAN,
  RYANAIR_737,
  NORWEGIAN_JET,
  SPARE_TRAILER,
  CRANE_TRUCK,
];

/** By code point: digits < upper case < lower case. */
export const BY_ID = [
  SAS_737_MAX,
  SAS_A320,
  NORWEGIAN_JET,
  RYANAIR_737,
  SPARE_TRAILER,
  FEED_TRUCK,
  TIPPER,
  CRANE_TRUCK,
  FLATBED,
  TRACTOR,
  REFRIGERATED_VAN,
  REFRIGERATED_TRUCK,
  MILK_TANKER,
];

export const BY_ID_DESC = [
  MILK_TANKER,
  REFRIGERATED_TRUCK,
  REFRIGERATED_VAN,
  TRACTOR,
  FLATBED,
  CRANE_TRUCK,
  TIPPER,
  FEED_TRUCK,
  SPARE_TRAILER,
  RYANAIR_737,
  NORWEGIAN_JET,
  SAS_A320,
  SAS_737_MAX,
];

/** The whole fleet at NOW; the decommissioned truck is not counted. */
export const FLEET_COUNTS: StatusCounts = { online: 8, offline: 3, unknown: 2 };

/** Its newest heartbeat came first; the two older ones, in Stockholm and Malmö (one with a fuller battery), came later. */
export const MILK_TANKER_VIEW: AssetDto = {
  id: MILK_TANKER,
  kind: 'vehicle',
  customerId: GREEN,
  customerName: 'Greenfield Farms',
  registration: 'DEF456',
  label: 'Milk tanker',
  callsign: null,
  callsignAt: null,
  icao24: null,
  status: 'online',
  lastSeenAt: '2026-03-10T11:58:00.000Z',
  squawk: null,
  verticalRate: null,
  onGround: null,
  battery: 76,
  accuracy: 4.5,
  category: null,
  position: { lat: 57.7, lon: 11.97, altitude: null, speed: 13.5, heading: 180, timestamp: '2026-03-10T11:58:00.000Z' },
  timeoutSeconds: 300,
  version: 1,
};

/** Seen at 11:55 with a 60 s timeout, then given 600 s: online at NOW. */
export const FEED_TRUCK_VIEW: AssetDto = {
  id: FEED_TRUCK,
  kind: 'vehicle',
  customerId: GREEN,
  customerName: 'Greenfield Farms',
  registration: 'JKL 012',
  label: 'Feed truck',
  callsign: null,
  callsignAt: null,
  icao24: null,
  status: 'online',
  lastSeenAt: '2026-03-10T11:55:00.000Z',
  squawk: null,
  verticalRate: null,
  onGround: null,
  battery: null,
  accuracy: null,
  category: null,
  position: { lat: 59.8586, lon: 17.6389, altitude: null, speed: 7, heading: 300, timestamp: '2026-03-10T11:55:00.000Z' },
  timeoutSeconds: 600,
  version: 2,
};

/**
 * As its newest heartbeat left it: the older one that came later, squawking 7700 on the ground as
 * a rotorcraft, changed nothing. No heartbeat carried a callsign: it keeps the registered one.
 */
export const RYANAIR_737_VIEW: AssetDto = {
  id: RYANAIR_737,
  kind: 'aircraft',
  customerId: SKYLINE,
  customerName: 'Skyline Aviation',
  registration: 'EI-FMV',
  label: 'Boeing 737-800',
  callsign: 'RYR4KC',
  callsignAt: null,
  icao24: '4ca7b3',
  status: 'online',
  lastSeenAt: '2026-03-10T11:59:50.000Z',
  squawk: '2000',
  verticalRate: 6.5,
  onGround: false,
  battery: null,
  accuracy: null,
  category: 'A3',
  position: { lat: 59.6519, lon: 17.9186, altitude: 1200, speed: 80, heading: 10, timestamp: '2026-03-10T11:59:50.000Z' },
  timeoutSeconds: 60,
  version: 1,
};

/** The callsigns the aircraft fly under at NOW, and since when a heartbeat says so. */
export const REPORTED_CALLSIGNS: Record<string, Pick<AssetDto, 'callsign' | 'callsignAt'>> = {
  [NORWEGIAN_JET]: { callsign: 'NSZ81K', callsignAt: '2026-03-10T11:59:55.000Z' },
  [SAS_A320]: { callsign: 'SAS902', callsignAt: '2026-03-10T10:30:00.000Z' },
  [SAS_737_MAX]: { callsign: 'SAS4421', callsignAt: null },
};

export const CUSTOMER_VIEWS: CustomerView[] = [
  { id: AURORA, name: 'Aurora Logistics', address: null, assetCount: 0 },
  { id: GREEN, name: 'Greenfield Farms', address: 'Box 12, Uppsala', assetCount: 5 },
  { id: NORDIC, name: 'Nordic Åkeri AB', address: 'Hamngatan 1, Stockholm', assetCount: 4 },
  { id: SKYLINE, name: 'Skyline Aviation', address: null, assetCount: 4 },
];

/** REFRIGERATED_TRUCK from 23:50 to 00:10 across midnight UTC; the bare 00:02 heartbeat is no point. */
export const TRUCK_TRACK_AROUND_MIDNIGHT: TrackPoint[] = [
  { timestamp: '2026-03-09T23:50:00.000Z', lat: 59.3, lon: 18.0, altitude: null, speed: 10, heading: 45 },
  { timestamp: '2026-03-09T23:55:00.000Z', lat: 59.31, lon: 18.01, altitude: null, speed: 11, heading: 46 },
  { timestamp: '2026-03-10T00:05:00.000Z', lat: 59.32, lon: 18.02, altitude: null, speed: 12, heading: 47 },
  { timestamp: '2026-03-10T00:10:00.000Z', lat: 59.33, lon: 18.03, altitude: null, speed: 13, heading: 48 },
];
