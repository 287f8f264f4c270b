import type { SearchAssetsResponse } from '@beacon/contracts';
import { post } from '../ingest/fleet';
import { planFleet, type FleetPlan, type PlannedAsset } from '../query/fleet-plan';
import { postHeartbeats, type HeartbeatItem } from './heartbeat-batches';

/**
 * Long enough that no asset goes offline during a run: the counts stay put, so the first render
 * always waits for the same total and the live window carries positions only.
 */
export const TIMEOUT_SECONDS = 3_600;
const CONCURRENT_REGISTRATIONS = 8;
const SEED_BATCH = 1_000;
const READ_MODEL_TIMEOUT_MS = 120_000;

/**
 * The query benchmark's fleet (seeded, so runs compare): plates and labels, one asset in five an
 * aircraft, vehicles around Nordic cities, aircraft anywhere over the region.
 */
export function dashboardFleet(assets: number, customers: number): FleetPlan {
  return planFleet({ assets, customers, positions: 0 }, Date.now());
}

/**
 * Registers the fleet through the API as an operator would (customers, then assets a few at a
 * time), gives every asset one heartbeat at its position now, and waits until the search finds
 * them all online.
 */
export async function seedThroughApi(url: string, adminKey: string, plan: FleetPlan): Promise<void> {
  for (const customer of plan.customers) await post(url, adminKey, '/api/v1/customers', customer);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < plan.assets.length; i = next++) {
      const asset = plan.assets[i] as PlannedAsset;
      const { id, kind, customerId, registration, label, callsign, icao24 } = asset;
      // The API takes an absent field, not null, for what an asset does not have.
      const text = Object.fromEntries(Object.entries({ label, callsign, icao24 }).filter(([, value]) => value !== null));
      await post(url, adminKey, '/api/v1/assets', { id, kind, customerId, registration, ...text, timeoutSeconds: TIMEOUT_SECONDS });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_REGISTRATIONS }, worker));
  const timestamp = new Date().toISOString();
  for (let start = 0; start < plan.assets.length; start += SEED_BATCH) {
    await postHeartbeats(
      url,
      adminKey,
      plan.assets.slice(start, start + SEED_BATCH).map((asset) => heartbeatOf(asset, timestamp, 0)),
    );
  }
  await untilAllOnline(url, adminKey, plan.assets.length);
}

/** A heartbeat of `asset` at `timestamp`, `step` small moves on from where the plan put it. */
export function heartbeatOf(asset: PlannedAsset, timestamp: string, step: number): HeartbeatItem {
  const radians = (asset.heading * Math.PI) / 180;
  const moved = step * (asset.aircraft ? 0.02 : 0.001); // degrees per heartbeat: an airliner covers more ground
  return {
    assetId: asset.id,
    timestamp,
    lat: asset.lat + Math.cos(radians) * moved,
    lon: asset.lon + Math.sin(radians) * moved,
    heading: Math.floor(asset.heading * 10) / 10, // down, as the API takes headings under 360
    speed: asset.aircraft ? 230 : 20,
    ...(asset.aircraft ? { altitude: 10_000 } : {}),
  };
}

/** The read model has every asset and every heartbeat: the search's total and its online count. */
async function untilAllOnline(url: string, adminKey: string, count: number): Promise<void> {
  const deadline = Date.now() + READ_MODEL_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/v1/assets?limit=1`, { headers: { authorization: `Bearer ${adminKey}` } });
    if (response.ok) {
      const page = (await response.json()) as SearchAssetsResponse;
      if (page.total === count && page.counts.online === count) return;
      last = `total ${page.total}, online ${page.counts.online}`;
    } else {
      last = `${response.status} ${await response.text()}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the search did not find ${count} assets online within ${READ_MODEL_TIMEOUT_MS / 1000} s (last: ${last})`);
}
