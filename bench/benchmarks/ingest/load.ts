import autocannon from 'autocannon';
import type { HeartbeatRequest } from './heartbeat-bodies';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  adminKey: string;
  /** Called for every request: its path and JSON body. */
  next: () => HeartbeatRequest;
}

export interface LoadResult {
  /** 2xx responses per second of the run. */
  requestsPerSecond: number;
  ok: number;
  /** Requests written but not answered when autocannon stopped and closed its connections. */
  inFlightAtStop: number;
  p50: number;
  p99: number;
  seconds: number;
}

/**
 * One autocannon run (in this process: the servers run in their own). Every request is built by
 * `next`, so no two carry the same body. Anything but 2xx — a refusal, a 429, a connection error,
 * a timeout — fails the run: a rate with errors in it is not the rate of the work.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    method: 'POST',
    headers: { authorization: `Bearer ${options.adminKey}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, ...options.next() }) }],
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0 || result['2xx'] === 0) {
    throw new Error(
      `${options.url}: ${result['2xx']} requests answered 2xx, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodeStats ?? {})}, ` +
        `${result.errors} connection errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    inFlightAtStop: Math.max(0, result.requests.sent - result.requests.total),
    p50: result.latency.p50,
    p99: result.latency.p99,
    seconds: result.duration,
  };
}
