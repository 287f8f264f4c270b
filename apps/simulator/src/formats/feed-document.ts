import type { SimulatedHeartbeat } from '@beacon/simulation';

/** A feed's route; an admin key names the customer its unknown aircraft are registered under (docs/API.md "Heartbeats"). */
export function feedPath(feed: 'readsb' | 'opensky', customerId: string): string {
  return `/api/v1/ingest/${feed}?customerId=${encodeURIComponent(customerId)}`;
}

/**
 * A feed document carries its own clock: `now` (Unix seconds, to the millisecond) is the newest
 * heartbeat's time, and each aircraft's age is how much older its own is.
 */
export function feedTimes(heartbeats: readonly SimulatedHeartbeat[]): { now: number; ages: number[] } {
  const times = heartbeats.map((heartbeat) => Date.parse(heartbeat.timestamp));
  const newest = Math.max(...times);
  return { now: newest / 1000, ages: times.map((time) => (newest - time) / 1000) };
}
