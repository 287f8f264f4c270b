import { median } from '../../lib/stats';
import type { StoredCounts } from './load-checks';
import type { LoadPlan } from './load-plan';
import { coresOver, type TimelinePoint } from './load-window';
import type { Sample } from './server-sampler';
import { simulatorOptions } from './simulator-process';
import type { SimulatorSummary } from './simulator-summary';

export interface LoadRun {
  plan: LoadPlan;
  /** When the simulator was started: it registers its fleet before the load's first heartbeat. */
  startedAtMs: number;
  window: readonly Sample[];
  points: TimelinePoint[];
  summary: SimulatorSummary;
  counts: StoredCounts;
  catchUpSeconds: number;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * What the report keeps beside the figures: the simulator's command and summary, the counts the
 * run was checked against, where the cores went, how busy the writer and the request thread were
 * (what to look at when the lag is high), and the timeline the report charts.
 */
export function loadSettings(run: LoadRun): Record<string, unknown> {
  const { window, points } = run;
  const start = window[0] as Sample;
  const end = window.at(-1) as Sample;
  const seconds = (end.atMs - start.atMs) / 1000;
  return {
    simulator: `npm run simulate -- ${simulatorOptions(run.plan).join(' ')} (its own process, from source)`,
    offeredPerSecond: run.plan.offeredPerSecond,
    durationSeconds: run.plan.durationSeconds,
    fleetRegistrationSeconds: round((start.atMs - run.startedAtMs) / 1000, 1),
    loadSeconds: round(seconds, 1),
    simulatorSummary: run.summary,
    counts: run.counts,
    acceptedPerSecondMean: Math.round((end.accepted - start.accepted) / seconds),
    lagMaxMs: Math.max(...points.map((point) => point.lagMs)),
    projectorCatchUpSeconds: round(run.catchUpSeconds, 1),
    cores: coresOver(window),
    cpuPressure:
      start.cpuPressureMicros === null || end.cpuPressureMicros === null
        ? 'unknown (no /proc/pressure/cpu)'
        : round((end.cpuPressureMicros - start.cpuPressureMicros) / 1e6 / seconds, 2),
    writer: {
      busy: round((end.flushSeconds - start.flushSeconds) / seconds, 2),
      rowsPerFlush: Math.round((end.accepted - start.accepted) / Math.max(1, end.flushes - start.flushes)),
    },
    requestThreadLoopDelayP99MsMedian: round(median(window.map((sample) => sample.loopDelayP99Ms)), 1),
    flatMemory:
      'median RSS (server + projector) of the last fifth of the load against the second: minute 5 against minute 2 of a 5-minute load',
    timeline: points,
  };
}
