/** How far back the first timestamp lies: far enough that no run gets near the 5-minute future limit. */
const START_BEFORE_NOW_MS = 10 * 60_000;

/** Where a clock's timestamps start, shared by every clock that sends to the same server. */
export function clockStart(now: number = Date.now()): number {
  return now - START_BEFORE_NOW_MS;
}

/**
 * Timestamps that are never repeated for an asset, so no request is a duplicate: each asset's
 * next heartbeat is `stride` milliseconds after its previous one, counted from `startMs` (ten
 * minutes before the benchmark started) plus `offset`. Several load generators share a server by
 * taking one offset each of the same stride and start: their timestamps interleave and never meet.
 * Even hundreds of thousands of heartbeats per asset stay in the past.
 */
export class HeartbeatClock {
  private readonly sent: number[];

  constructor(
    assetCount: number,
    private readonly startMs: number = clockStart(),
    private readonly stride = 1,
    private readonly offset = 0,
  ) {
    this.sent = new Array<number>(assetCount).fill(0);
  }

  next(asset: number): string {
    const sent = this.sent[asset] ?? 0;
    this.sent[asset] = sent + 1;
    return new Date(this.startMs + sent * this.stride + this.offset).toISOString();
  }
}

/** Somewhere around Stockholm, moving a little with `n`; every value within the API's bounds. */
function position(n: number): { lat: number; lon: number } {
  return { lat: 59.3 + (n % 1000) / 10_000, lon: 18.0 + (n % 997) / 10_000 };
}

export interface HeartbeatRequest {
  path: string;
  body: string;
}

/** One item of a batch request, as `POST /api/v1/heartbeats` takes it. */
export interface BatchItem {
  assetId: string;
  timestamp: string;
  lat: number;
  lon: number;
}

/** Arrays of `size` heartbeats, asset after asset: the batch requests' items, and the raw INSERT's rows. */
export function batchItems(ids: readonly string[], clock: HeartbeatClock, size: number): () => BatchItem[] {
  let n = 0;
  return () =>
    Array.from({ length: size }, () => {
      const asset = n % ids.length;
      const { lat, lon } = position(n++);
      return { assetId: ids[asset] as string, timestamp: clock.next(asset), lat, lon };
    });
}

/** `POST /api/v1/heartbeats` with a JSON array of `size` heartbeats, asset after asset. */
export function batchRequests(ids: readonly string[], clock: HeartbeatClock, size: number): () => HeartbeatRequest {
  const next = batchItems(ids, clock, size);
  return () => ({ path: '/api/v1/heartbeats', body: JSON.stringify(next()) });
}

/**
 * `count` requests of `next`, built once and then sent in turn: for the bare route, which stores
 * nothing, so repeats do not matter, while building 1,000-item bodies on the fly would take the
 * load generator most of a core — a core the bare route then lacks on a 2-core machine.
 */
export function prebuilt(next: () => HeartbeatRequest, count: number): () => HeartbeatRequest {
  const requests = Array.from({ length: count }, next);
  let n = 0;
  return () => requests[n++ % count] as HeartbeatRequest;
}
