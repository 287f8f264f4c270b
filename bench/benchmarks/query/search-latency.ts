import { performance } from 'node:perf_hooks';
import type { Scenario } from '../../lib/repeat';
import { percentile } from '../../lib/stats';
import type { Measurement, Target } from '../../lib/types';

export interface LatencyOptions {
  /** Its rows are `<name>, p50` and `<name>, p95`. */
  name: string;
  /** The `name` of the latency scenario its rows are compared with (its own for a baseline). */
  baseline: string;
  /** Calls per run, one after the other. */
  calls: number;
  /** The call-th query; resolves to what it found (hits, rows or points), to show it did work. */
  query(call: number): Promise<number>;
  /** For the p95 row. */
  target?: Target;
}

/** Per measured run (the warm-up's are dropped, as repeatInRounds drops its value). */
export interface LatencyDetails {
  p50: number[];
  p95: number[];
  /** Mean per call of what the queries found. */
  found: number[];
}

export interface LatencyScenario {
  name: string;
  scenario: Scenario;
  details: LatencyDetails;
  rows(): Measurement[];
}

/**
 * Latency one query at a time: `calls` queries back to back, each timed on its own from the call
 * until its answer is in hand, the next only then, as one user paging through a dashboard. A run's
 * value is the p95 of its calls (milliseconds, lower is better); the p50 is kept aside.
 */
export function latencyScenario(options: LatencyOptions): LatencyScenario {
  const details: LatencyDetails = { p50: [], p95: [], found: [] };
  let runs = 0;
  const measure = async (): Promise<number> => {
    const warmUp = ++runs === 1;
    const samples: number[] = [];
    let found = 0;
    for (let call = 0; call < options.calls; call++) {
      const started = performance.now();
      found += await options.query(call);
      samples.push(performance.now() - started);
    }
    const p95 = percentile(samples, 95);
    if (!warmUp) {
      details.p50.push(hundredths(percentile(samples, 50)));
      details.p95.push(hundredths(p95));
      details.found.push(hundredths(found / options.calls));
    }
    return p95;
  };
  const row = (p: 'p50' | 'p95', target?: Target): Measurement => ({
    scenario: `${options.name}, ${p}`,
    unit: 'ms',
    runs: details[p],
    baseline: `${options.baseline}, ${p}`,
    ...(target ? { target } : {}),
  });
  return {
    name: options.name,
    scenario: { scenario: `${options.name}, p95`, unit: 'ms', baseline: `${options.baseline}, p95`, measure },
    details,
    rows: () => [row('p50'), row('p95', options.target)],
  };
}

/** Finer than a hundredth of a millisecond is timer noise, and only makes the JSON hard to read. */
function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}
