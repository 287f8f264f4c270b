import { performance } from 'node:perf_hooks';
import { formatNumber } from './format';
import type { Measurement } from './types';

/** One thing to measure: `measure` does the work once and returns its rate. */
export interface Scenario extends Omit<Measurement, 'runs'> {
  /** Untimed set-up before every run, e.g. emptying the table so each run starts alike. */
  prepare?: () => Promise<void>;
  measure: () => Promise<number>;
}

export interface RepeatOptions {
  runs: number;
  log(line: string): void;
}

/**
 * Runs every scenario once as a warm-up (discarded: caches, JIT, first connections), then `runs`
 * rounds of all of them in turn. Rounds rather than one scenario after the other because the
 * machine is shared: its load drifts over minutes, and interleaving spreads that drift over each
 * scenario and its baseline alike instead of handing one of them the quiet minute.
 */
export async function repeatInRounds(scenarios: readonly Scenario[], options: RepeatOptions): Promise<Measurement[]> {
  const measured = scenarios.map(({ prepare: _prepare, measure: _measure, ...measurement }) => ({
    ...measurement,
    runs: [] as number[],
  }));
  const nameWidth = Math.max(...scenarios.map((s) => s.scenario.length));
  for (let round = 0; round <= options.runs; round++) {
    const label = round === 0 ? 'warm-up' : `run ${round}/${options.runs}`;
    for (const [index, scenario] of scenarios.entries()) {
      await scenario.prepare?.();
      const started = performance.now();
      const value = await scenario.measure();
      const seconds = (performance.now() - started) / 1000;
      options.log(
        `${label.padEnd(9)} ${scenario.scenario.padEnd(nameWidth)}  ${formatNumber(value)} ${scenario.unit} (${seconds.toFixed(1)} s)`,
      );
      if (round > 0) measured[index]?.runs.push(value);
    }
  }
  return measured;
}

/** Times `work` and returns how many of `count` things it did per second. */
export async function perSecond(count: number, work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return count / ((performance.now() - started) / 1000);
}
