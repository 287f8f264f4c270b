import { BENCH_METRICS_KEY } from './server-env';

/**
 * The server's own view of a run, from its Prometheus `/metrics` (read with the benchmark's metrics key): how the group-commit
 * writer batched and how long its flushes took, and how long requests took inside the server.
 * Optional: when the server lacks these metrics, the benchmark just reports less.
 */
const SERIES = {
  flushes: 'beacon_group_commit_flush_seconds_count',
  flushSeconds: 'beacon_group_commit_flush_seconds_sum',
  flushRows: 'beacon_group_commit_batch_rows_sum',
  requests: 'beacon_http_request_duration_seconds_count',
  requestSeconds: 'beacon_http_request_duration_seconds_sum',
} as const;

/**
 * Gauges of the event loop's delay since the previous scrape (prom-client resets it on each). They
 * include the sampling interval (an idle loop reads about 10 ms), so a run's reading is reported as
 * the excess over the same server's reading while idle.
 */
const LOOP_DELAY = {
  mean: 'beacon_nodejs_eventloop_lag_mean_seconds',
  p99: 'beacon_nodejs_eventloop_lag_p99_seconds',
} as const;

export type LoopDelay = Record<keyof typeof LOOP_DELAY, number>;
export type MetricTotals = Record<keyof typeof SERIES, number> & { loopDelay?: LoopDelay };

export interface ServerSide {
  /** Mean heartbeats per flush (one transaction, one fsync). */
  rowsPerFlush: number;
  flushMs: number;
  /** Flush time / wall time: near 1, the writer (one flush at a time) is what limits the rate. */
  writerBusy: number;
  /** Mean time from request to response as the server measures it (queueing before it excluded). */
  requestMs: number;
  /** How much later than on an idle server the event loop ran timers: every pg reply waits as long. */
  loopLagMeanMs?: number;
  loopLagP99Ms?: number;
}

export async function scrapeTotals(url: string): Promise<MetricTotals | null> {
  let text: string;
  try {
    const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_KEY}` } });
    if (response.status !== 200) return null;
    text = await response.text();
  } catch {
    return null;
  }
  // Summed over all label sets: during a run only the route under load moves.
  const sum = (name: string): number | null => {
    const values = [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].map((m) => Number(m[1]));
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  const totals = {} as MetricTotals;
  for (const [key, name] of Object.entries(SERIES) as [keyof typeof SERIES, string][]) {
    const value = sum(name);
    if (value === null) return null;
    totals[key] = value;
  }
  const mean = sum(LOOP_DELAY.mean);
  const p99 = sum(LOOP_DELAY.p99);
  if (mean !== null && p99 !== null) totals.loopDelay = { mean, p99 };
  return totals;
}

/** The event-loop gauges of an idle second: what an unloaded loop reads. */
export async function idleLoopDelay(url: string): Promise<LoopDelay | null> {
  await scrapeTotals(url);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return (await scrapeTotals(url))?.loopDelay ?? null;
}

export function serverSide(
  before: MetricTotals | null,
  after: MetricTotals | null,
  wallSeconds: number,
  idle: LoopDelay | null,
): ServerSide | null {
  if (!before || !after) return null;
  const delta = (key: keyof typeof SERIES): number => after[key] - before[key];
  const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    rowsPerFlush: round(delta('flushRows') / Math.max(1, delta('flushes')), 1),
    flushMs: round((delta('flushSeconds') * 1000) / Math.max(1, delta('flushes')), 2),
    writerBusy: round(delta('flushSeconds') / wallSeconds, 2),
    requestMs: round((delta('requestSeconds') * 1000) / Math.max(1, delta('requests')), 2),
    ...(after.loopDelay && idle
      ? {
          loopLagMeanMs: round(Math.max(0, after.loopDelay.mean - idle.mean) * 1000, 2),
          loopLagP99Ms: round(Math.max(0, after.loopDelay.p99 - idle.p99) * 1000, 2),
        }
      : {}),
  };
}
