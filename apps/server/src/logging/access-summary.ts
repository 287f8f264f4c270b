/** One route's requests over an interval, as the access log writes them (decision 051). */
export interface RouteTraffic {
  method: string;
  route: string;
  requests: number;
  /** Requests by status code, e.g. `{ "202": 9120, "400": 3 }`. */
  statuses: Record<string, number>;
  /** Mean and longest time from request to answer, as the per-request line's `ms`. */
  msMean: number;
  msMax: number;
  /** Distinct API keys that called (key ids, never keys); requests without a key count as none. */
  keys: number;
}

interface Tally {
  method: string;
  route: string;
  requests: number;
  statuses: Map<number, number>;
  msTotal: number;
  msMax: number;
  keyIds: Set<string>;
}

/**
 * Counts the requests of routes whose traffic comes from devices, so the access log can write one
 * line per route and interval instead of one per request: a fleet reporting every few seconds
 * sends thousands a second, and a line each cost the ingest service a sixth of its CPU.
 */
export class AccessSummary {
  private tallies = new Map<string, Tally>();

  count(method: string, route: string, status: number, ms: number, keyId: string | null): void {
    const key = `${method} ${route}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { method, route, requests: 0, statuses: new Map(), msTotal: 0, msMax: 0, keyIds: new Set() };
      this.tallies.set(key, tally);
    }
    tally.requests++;
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    tally.msTotal += ms;
    if (ms > tally.msMax) tally.msMax = ms;
    if (keyId !== null) tally.keyIds.add(keyId);
  }

  /** What was counted since the last call, a route at a time (none for a quiet interval); counting starts again. */
  take(): RouteTraffic[] {
    const taken = [...this.tallies.values()];
    this.tallies = new Map();
    return taken.map((tally) => ({
      method: tally.method,
      route: tally.route,
      requests: tally.requests,
      statuses: Object.fromEntries([...tally.statuses].sort(([a], [b]) => a - b).map(([status, count]) => [String(status), count])),
      msMean: Math.round((tally.msTotal / tally.requests) * 10) / 10,
      msMax: tally.msMax,
      keys: tally.keyIds.size,
    }));
  }
}
