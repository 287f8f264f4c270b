import type { AssetKind } from '@beacon/contracts';
import { DEFAULT_TIMEOUT_SECONDS } from '@beacon/domain';
import { seededRandom, type ReportingAsset } from '../../lib/heartbeat-data';
import { CITIES, CITY_SPREAD } from './fleet-cities';
import { assetText, customerName, type AssetText } from './fleet-names';
import type { QuerySizes } from './seed-sizes';

const DAY_MS = 24 * 60 * 60 * 1000;
const AIRCRAFT_EVERY = 5; // one asset in five is an aircraft
/**
 * Online assets were seen within the last 55 s, offline ones more than 65 s ago (timeout 60 s):
 * no asset is within 5 s of going offline, so the queries' clock (see fleet-clock.ts) can move by
 * up to a second without changing the online/offline mix.
 */
const ONLINE_WITHIN_MS = 55_000;
const OFFLINE_AFTER_MS = 65_000;

export interface PlannedAsset extends ReportingAsset, AssetText {
  kind: AssetKind;
  customerId: string;
  icao24: string | null;
  timeoutSeconds: number;
  online: boolean;
  /** Its newest heartbeat: when, and where (the end of its track). */
  lastSeenMs: number;
  lat: number;
  lon: number;
  heading: number;
  /** Where on its loop the track ends, in radians (seed-history-postgres.ts draws the loop). */
  phase: number;
}

export interface FleetPlan {
  /** The instant the fleet is queried at: every heartbeat is at or before it. */
  atMs: number;
  customers: { id: string; name: string }[];
  assets: PlannedAsset[];
}

/**
 * The fleet, drawn from a seeded generator so runs compare: half of it online at `atMs` (each
 * asset by a coin toss), the rest parked for up to a day; vehicles clustered around cities,
 * aircraft anywhere over the region.
 */
export function planFleet(size: QuerySizes, atMs: number): FleetPlan {
  const random = seededRandom(0x9e7ec7);
  const customers = Array.from({ length: size.customers }, (_, c) => ({
    id: `customer-${String(c).padStart(4, '0')}`,
    name: customerName(c),
  }));
  const assets = Array.from({ length: size.assets }, (_, n): PlannedAsset => {
    const aircraft = n % AIRCRAFT_EVERY === 0;
    const kind: AssetKind = aircraft ? 'aircraft' : 'vehicle';
    const id = aircraft ? (0x4a0000 + n).toString(16).toUpperCase() : `YS2R4X2${String(n).padStart(10, '0')}`;
    const online = random() < 0.5;
    const ageMs = online ? random() * ONLINE_WITHIN_MS : OFFLINE_AFTER_MS + random() * (DAY_MS - OFFLINE_AFTER_MS);
    return {
      id,
      kind,
      aircraft,
      customerId: customers[n % customers.length]?.id ?? '',
      sendsMessageIds: n % 2 === 0,
      ...assetText(aircraft, random),
      icao24: aircraft ? id.toLowerCase() : null,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS[kind],
      online,
      lastSeenMs: Math.round(atMs - ageMs),
      ...(aircraft ? anywhere(random) : nearACity(random)),
      heading: random() * 360,
      phase: random() * 2 * Math.PI,
    };
  });
  return { atMs, customers, assets };
}

/** Aircraft: anywhere over the Nordic region. */
function anywhere(random: () => number): { lat: number; lon: number } {
  return { lat: 54 + random() * 14, lon: 5 + random() * 23 };
}

/** Vehicles: around a city by its share, or on the road anywhere in between. */
function nearACity(random: () => number): { lat: number; lon: number } {
  let draw = random();
  for (const city of CITIES) {
    draw -= city.share;
    if (draw < 0) return { lat: city.lat + gaussian(random) * CITY_SPREAD.lat, lon: city.lon + gaussian(random) * CITY_SPREAD.lon };
  }
  return { lat: 55.5 + random() * 5, lon: 10.5 + random() * 14.5 };
}

/** Box–Muller: a standard normal variate from two uniform ones. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
