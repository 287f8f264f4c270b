import { max, median, min } from './stats';
import type { Measurement, Target } from './types';

/** One row of a report: a scenario's samples, their summary and how it compares. */
export interface Metric {
  scenario: string;
  unit: string;
  runs: number[];
  median: number;
  min: number;
  max: number;
  baseline: { scenario: string; median: number };
  /** median / baseline median, both from the same run of the benchmark. */
  ratio: number;
  target?: Target & { met: boolean };
}

/** Derives every metric; a scenario compared with a baseline the result lacks is a bug in the benchmark. */
export function summarise(measurements: readonly Measurement[]): Metric[] {
  const medians = new Map(measurements.map((m) => [m.scenario, median(m.runs)]));
  return measurements.map((m) => {
    if (m.runs.length === 0) throw new Error(`scenario "${m.scenario}" has no runs`);
    const own = median(m.runs);
    const baseline = medians.get(m.baseline);
    if (baseline === undefined) throw new Error(`scenario "${m.scenario}" names an unknown baseline "${m.baseline}"`);
    // A baseline is its own measure (1 even when it is 0, e.g. no errors); otherwise a zero baseline has no ratio.
    const ratio = m.scenario === m.baseline ? 1 : own / baseline;
    return {
      scenario: m.scenario,
      unit: m.unit,
      runs: m.runs.map(tidy),
      median: tidy(own),
      min: tidy(min(m.runs)),
      max: tidy(max(m.runs)),
      baseline: { scenario: m.baseline, median: tidy(baseline) },
      ratio: Math.round(ratio * 10_000) / 10_000,
      ...(m.target ? { target: { ...m.target, met: meets(m.target, own, ratio) } } : {}),
    };
  });
}

function meets(target: Target, value: number, ratio: number): boolean {
  return (
    (target.min === undefined || value >= target.min) &&
    (target.max === undefined || value <= target.max) &&
    (target.minRatio === undefined || ratio >= target.minRatio) &&
    (target.maxRatio === undefined || ratio <= target.maxRatio)
  );
}

/** Rates to 0.1: further digits are noise on a shared machine and only make the JSON hard to read. */
function tidy(value: number): number {
  return Math.round(value * 10) / 10;
}
