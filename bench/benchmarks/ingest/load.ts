import autocannon from 'autocannon';
import type { RequestPlan } from './load-generator';
import type { LoadGenerators } from './load-generators';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  adminKey: string;
  /** What each request carries; every generator builds its own requests to that plan. */
  plan: RequestPlan;
}

export interface LoadResult {
  /** 2xx responses per second of the run, summed over the generators. */
  requestsPerSecond: number;
  ok: number;
  /** Requests written but not answered when autocannon stopped and closed its connections. */
  inFlightAtStop: number;
  p50: number;
  p99: number;
  seconds: number;
  /** What made the load, for the run's line: the autocannon processes say how far apart (ms) they started. */
  generator: string;
  /** The load generator's cores, where no CPU meter of the harness sees its process (wrk). */
  generatorCores?: number;
}

/** autocannon's own sum of results run with `skipAggregateResult` (not in its type declarations). */
const aggregateResult = (
  autocannon as unknown as { aggregateResult(results: autocannon.Result[], opts: autocannon.Options): autocannon.Result }
).aggregateResult;

/**
 * One run of every load generator at once (each its own process: the servers run in theirs). No
 * two requests carry the same heartbeats. Anything but 2xx — a refusal, a 429, a connection error,
 * a timeout — fails the run: a rate with errors in it is not the rate of the work.
 */
export async function runLoad(generators: LoadGenerators, options: LoadOptions): Promise<LoadResult> {
  const results = await generators.run(options);
  const result = aggregateResult(results, { url: options.url, connections: options.connections, pipelining: 1 });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0 || result['2xx'] === 0) {
    throw new Error(
      `${options.url}: ${result['2xx']} requests answered 2xx, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodeStats ?? {})}, ` +
        `${result.errors} connection errors, ${result.timeouts} timeouts`,
    );
  }
  const starts = results.map((r) => new Date(r.start).getTime());
  return {
    // Each generator's own count over its own duration: the aggregate keeps only the first's duration.
    requestsPerSecond: results.reduce((sum, r) => sum + r['2xx'] / r.duration, 0),
    ok: result['2xx'],
    inFlightAtStop: Math.max(0, result.requests.sent - result.requests.total),
    p50: result.latency.p50,
    p99: result.latency.p99,
    seconds: Math.max(...results.map((r) => r.duration)),
    generator: `${generators.count} load generators started ${Math.max(...starts) - Math.min(...starts)} ms apart`,
  };
}
