import type { SimulatedHeartbeat } from '@beacon/simulation';
import { inChunks, type OutgoingRequest } from './outgoing-request';

/**
 * A feed's documents of up to a thousand aircraft, posted to its route; an admin key names the customer
 * unknown aircraft are registered under (docs/API.md "Heartbeats").
 */
export function feedRequests(
  feed: 'readsb' | 'opensky',
  document: (heartbeats: readonly SimulatedHeartbeat[]) => object,
  heartbeats: readonly SimulatedHeartbeat[],
  customerId: string,
): OutgoingRequest[] {
  return inChunks(heartbeats).map((chunk) => ({
    method: 'POST',
    path: `/api/v1/ingest/${feed}?customerId=${encodeURIComponent(customerId)}`,
    body: JSON.stringify(document(chunk)),
    kind: 'aircraft',
    heartbeats: chunk.length,
  }));
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
