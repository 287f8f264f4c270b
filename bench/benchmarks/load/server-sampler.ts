import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_METRICS_KEY } from '../ingest/server-env';
import { labelledValue, seriesValues } from './metrics-text';
import { cpuPressureMicros, treeResidentBytes } from './proc-readings';

const INTERVAL_MS = 1_000;

/** What the server and its processes looked like at one moment of the run. */
export interface Sample {
  /** Date.now() when the server's `/metrics` answered. */
  atMs: number;
  /** Heartbeats stored so far (`beacon_heartbeats_total{outcome="accepted"}`). */
  accepted: number;
  /** Requests answered with anything but 2xx so far (`beacon_http_requests_total`). */
  refusedRequests: number;
  /** The projection's lag (`beacon_projection_lag_seconds`): age of the oldest event not projected. */
  lagMs: number;
  /** Group-commit flushes so far and their time: how busy the writer was between two samples. */
  flushes: number;
  flushSeconds: number;
  /** p99 of the request thread's event-loop delay since the previous scrape (prom-client resets it on each). */
  loopDelayP99Ms: number;
  /** Resident memory of the server and its projector process. */
  rssBytes: number;
  /** The machine's CPU pressure so far (µs in which a runnable task waited for a core). */
  cpuPressureMicros: number | null;
  /** CPU seconds used so far, per named process; null once it is gone. */
  cpuSeconds: Record<string, number | null>;
}

/**
 * Reads the server's `/metrics` and the processes' memory and CPU from /proc once a second, on the
 * clock (a slow answer delays one sample, not the ones after it), until `stop`.
 */
export class ServerSampler {
  private readonly samples: Sample[] = [];
  private stopping = false;
  private reported: Sample | null = null;
  private readonly loop: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly serverPid: number,
    private readonly cpuMeters: Record<string, () => number | null>,
  ) {
    this.loop = this.run();
    // Until stop() awaits it, a failed scrape must not be an unhandled rejection.
    this.loop.catch(() => undefined);
  }

  /** Takes a last sample and returns them all; a scrape that failed on the way fails here. */
  async stop(): Promise<Sample[]> {
    this.stopping = true;
    await this.loop;
    this.samples.push(await this.sample());
    return this.samples;
  }

  /** Since the previous line (or the first sample): accepted per second, and the lag and memory now. */
  progressLine(): string {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last) return 'no sample yet';
    const since = this.reported ?? first;
    this.reported = last;
    const rate = (last.accepted - since.accepted) / Math.max(0.001, (last.atMs - since.atMs) / 1000);
    return (
      `${Math.round((last.atMs - first.atMs) / 1000)} s: ${Math.round(rate)} accepted/s, ` +
      `projection lag ${Math.round(last.lagMs)} ms, server RSS ${Math.round(last.rssBytes / 1024 / 1024)} MB`
    );
  }

  private async run(): Promise<void> {
    const started = Date.now();
    for (let tick = 1; !this.stopping; tick++) {
      this.samples.push(await this.sample());
      await sleep(Math.max(0, started + tick * INTERVAL_MS - Date.now()));
    }
  }

  private async sample(): Promise<Sample> {
    const response = await fetch(`${this.url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_KEY}` } });
    if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}: ${await response.text()}`);
    const text = await response.text();
    const lags = seriesValues(text, 'beacon_projection_lag_seconds');
    if (lags.length === 0) throw new Error('GET /metrics has no beacon_projection_lag_seconds: is the projector role on?');
    const refused = seriesValues(text, 'beacon_http_requests_total').filter((series) => !/\bstatus="2\d\d"/.test(series.labels));
    return {
      atMs: Date.now(),
      accepted: labelledValue(text, 'beacon_heartbeats_total', 'outcome="accepted"'),
      refusedRequests: refused.reduce((sum, series) => sum + series.value, 0),
      lagMs: Math.max(...lags.map((series) => series.value)) * 1000,
      flushes: labelledValue(text, 'beacon_group_commit_flush_seconds_count', ''),
      flushSeconds: labelledValue(text, 'beacon_group_commit_flush_seconds_sum', ''),
      loopDelayP99Ms: labelledValue(text, 'beacon_nodejs_eventloop_lag_p99_seconds', '') * 1000,
      rssBytes: treeResidentBytes(this.serverPid),
      cpuPressureMicros: cpuPressureMicros(),
      cpuSeconds: Object.fromEntries(Object.entries(this.cpuMeters).map(([name, meter]) => [name, meter()])),
    };
  }
}
