import type { SimulatedHeartbeat } from '@beacon/simulation';

/** One HTTP request to Beacon carrying some heartbeats, in one of the ingest formats. */
export interface OutgoingRequest {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. `/api/v1/ingest/readsb?customerId=sim-airways`. */
  path: string;
  body?: string;
  kind: SimulatedHeartbeat['kind'];
  /** How many heartbeats it carries: what a refusal of the whole request costs. */
  heartbeats: number;
}

/** Heartbeats per batch or feed document: well inside the 10,000 a batch may hold (docs/API.md "Errors"). */
export const HEARTBEATS_PER_REQUEST = 1_000;

export function inChunks<T>(items: readonly T[], size = HEARTBEATS_PER_REQUEST): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
