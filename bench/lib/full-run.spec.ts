import { describe, expect, it } from '@jest/globals';
import { FULL_RUN_BUDGET_MINUTES, FULL_RUN_PLAN, fullRunSettings, plannedMinutes } from './full-run';
import { listBenchmarks } from './discover';
import { join } from 'node:path';

describe('the full run', () => {
  it('plans every benchmark of bench/benchmarks within the budget', () => {
    const names = listBenchmarks(join(__dirname, '..', 'benchmarks'));
    const { minutes } = plannedMinutes(names);
    // A benchmark left out would run at its own defaults: an hour for some.
    expect(names.filter((name) => FULL_RUN_PLAN[name] === undefined)).toEqual([]);
    expect(minutes).toBeLessThan(FULL_RUN_BUDGET_MINUTES);
  });

  it("takes the plan's scale and runs unless the environment sets them", () => {
    const defaults = { scale: 1, runs: 5 };
    expect(fullRunSettings('projections', {}, defaults)).toEqual({ scale: FULL_RUN_PLAN['projections']?.scale, runs: 3 });
    expect(fullRunSettings('projections', { BENCH_SCALE: '1' }, defaults)).toEqual({ scale: 1, runs: 3 });
    expect(fullRunSettings('projections', { BENCH_RUNS: '5' }, defaults)).toEqual({ scale: FULL_RUN_PLAN['projections']?.scale, runs: 5 });
    expect(fullRunSettings('not-planned', {}, defaults)).toEqual(defaults);
  });
});
