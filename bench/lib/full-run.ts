import type { HarnessSettings } from './settings';

/** One benchmark's place in a full run: its size, its runs and what that costs on the 2-core machine. */
export interface PlannedRun {
  scale: number;
  runs: number;
  /** Estimated minutes at that scale and runs, builds included (bench/README.md "A full run"). */
  minutes: number;
}

/** What a full `npm run bench` must fit in on the 2-core development machine (issue 23). */
export const FULL_RUN_BUDGET_MINUTES = 20;

/**
 * `npm run bench` without a name runs every benchmark in one go, each smaller than alone: at their
 * own defaults (scale 1, 5 runs) the six take over an hour. Three runs keep a median that
 * survives one disturbed run. The scales cut rows and seconds, not the shape: the projections' log
 * still spans two catch-up batches, the query benchmark keeps 500 and 5,000 live clients,
 * an ingest run keeps 4 s of load, the dashboard 1,000 assets under a 10 s live window, the load
 * run a minute of the simulator. The minutes are those each benchmark took in the fourth full run
 * (2026-12-06 21:02, 18¾ minutes in all, `seconds` in each JSON), except that a fresh clone also
 * builds the server and the dashboard, in `dashboard`, the first to run (as the third run did).
 */
export const FULL_RUN_PLAN: Readonly<Record<string, PlannedRun>> = {
  'event-store': { scale: 0.25, runs: 3, minutes: 1.2 },
  ingest: { scale: 0.3, runs: 3, minutes: 3.2 },
  // 0.04 is 50,100 events: still two catch-up batches of 50,000.
  projections: { scale: 0.04, runs: 3, minutes: 3.9 },
  // 100 calls per search scenario and live pushes of 3 s below scale 0.1; the memory per client once.
  query: { scale: 0.05, runs: 3, minutes: 5.2 },
  // 3.6, and 4.2 with both builds (the third run's).
  dashboard: { scale: 0.1, runs: 3, minutes: 4.2 },
  // One run: 2,000 heartbeats/s for a minute after registering 2,000 vehicles (its scale-1 run alone takes 10–14 minutes).
  load: { scale: 0.2, runs: 3, minutes: 1.5 },
};

/** How a result was run, recorded in its JSON and shown in docs/PERFORMANCE.md. */
export const FULL_RUN_PROFILE = 'full run (`npm run bench`: scale and runs from bench/lib/full-run.ts)';
export const ALONE_PROFILE = 'run alone (`npm run bench -- <name>`)';

/**
 * The settings one benchmark gets in a full run: the plan's, except what the environment sets
 * (`BENCH_SCALE=1 npm run bench` runs everything at scale 1). A benchmark the plan does not know
 * runs at the harness's defaults.
 */
export function fullRunSettings(name: string, env: NodeJS.ProcessEnv, fromEnv: HarnessSettings): HarnessSettings {
  const planned = FULL_RUN_PLAN[name];
  if (!planned) return fromEnv;
  return {
    scale: env['BENCH_SCALE'] === undefined ? planned.scale : fromEnv.scale,
    runs: env['BENCH_RUNS'] === undefined ? planned.runs : fromEnv.runs,
  };
}

/** The planned minutes of `names`, and those the plan does not know (whose time is anyone's guess). */
export function plannedMinutes(names: readonly string[]): { minutes: number; unplanned: string[] } {
  return {
    minutes: names.reduce((sum, name) => sum + (FULL_RUN_PLAN[name]?.minutes ?? 0), 0),
    unplanned: names.filter((name) => FULL_RUN_PLAN[name] === undefined),
  };
}
