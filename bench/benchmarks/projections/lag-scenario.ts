import { HeartbeatWriter, type EventStore, type RecordedEvent } from '@beacon/event-store';
import type { ClientBase, Pool } from 'pg';
import { formatNumber } from '../../lib/format';
import type { Scenario } from '../../lib/repeat';
import { percentile } from '../../lib/stats';
import type { Measurement, Target } from '../../lib/types';
import type { FleetHeartbeats } from './fleet-heartbeats';
import { LagFollower } from './lag-follower';
import { logHead } from './log-facts';
import { ingestAtSteadyRate, type IngestResult } from './paced-ingest';

export interface LagScenarioOptions {
  /** Names the scenario's rows: `lag, <follower>, p50` and so on. */
  follower: string;
  /** The follower whose rows these rows are compared with (itself for the baseline). */
  baseline: string;
  pool: Pool;
  admin: ClientBase;
  store: EventStore;
  heartbeats: FleetHeartbeats;
  /** Offered heartbeats per second, and for how long. */
  rate: number;
  seconds: number;
  batchSize: number;
  apply: (events: RecordedEvent[], after: bigint) => Promise<void>;
  /** Untimed, after a run has been applied: the run fails when the read model is not complete. */
  verify?: (appended: number) => Promise<void>;
  log(line: string): void;
}

/** Per measured run (the warm-up's are dropped, as repeatInRounds drops its value). */
export interface LagDetails {
  p50: number[];
  p99: number[];
  ingestRate: number[];
  /** p99 from the append call rather than from recorded_at: adds the writer's batching wait. */
  p99SinceAppend: number[];
  meanBatch: number[];
}

export interface LagScenario {
  scenario: Scenario;
  details: LagDetails;
  lag(percentile: 'p50' | 'p99', target?: Target): Measurement;
  ingest(target?: Target): Measurement;
}

/** How long a follower may need after the ingest stops before the run counts as failed. */
const CATCH_UP_TIMEOUT_MS = 120_000;

/**
 * One run: a follower starts at the log's head, heartbeats are ingested at a steady rate through
 * the group-commit writer, and the run ends when the follower has applied every one of them. Its
 * value is the p99 lag in ms (lower is better); p50 and the achieved ingest rate are kept aside.
 */
export function lagScenario(options: LagScenarioOptions): LagScenario {
  const details: LagDetails = { p50: [], p99: [], ingestRate: [], p99SinceAppend: [], meanBatch: [] };
  const name = (what: string): string => `lag, ${options.follower}, ${what}`;
  let runs = 0;
  const measure = async (): Promise<number> => {
    const warmUp = ++runs === 1;
    const follower = new LagFollower(
      options.pool,
      options.store,
      `bench-${options.follower.replaceAll(' ', '-')}`,
      options.batchSize,
      options.apply,
    );
    await follower.start(options.admin, await logHead(options.admin));
    const writer = new HeartbeatWriter(options.pool);
    let ingest: IngestResult;
    try {
      ingest = await ingestAtSteadyRate(writer, options.heartbeats, options.rate, options.seconds);
      await follower.caughtUp(ingest.appended, CATCH_UP_TIMEOUT_MS);
    } finally {
      await writer.close();
      await follower.stop();
    }
    await options.verify?.(ingest.appended);
    const { sinceRecorded, sinceReceived, batches } = follower.samples;
    const run = {
      p50: percentile(sinceRecorded, 50),
      p99: percentile(sinceRecorded, 99),
      ingestRate: ingest.rate,
      p99SinceAppend: percentile(sinceReceived, 99),
      meanBatch: sinceRecorded.length / batches,
    };
    options.log(
      `          ingested ${formatNumber(ingest.appended)} at ${formatNumber(ingest.rate)}/s; lag p50 ${formatNumber(run.p50)} ms, ` +
        `p99 ${formatNumber(run.p99)} ms (since the append call: p99 ${formatNumber(run.p99SinceAppend)} ms, max ${formatNumber(percentile(sinceReceived, 100))} ms); ` +
        `${batches} batches of ${formatNumber(run.meanBatch)} events on average`,
    );
    if (!warmUp) for (const key of Object.keys(run) as (keyof typeof run)[]) details[key].push(run[key]);
    return run.p99;
  };
  return {
    scenario: { scenario: name('p99'), unit: 'ms', baseline: `lag, ${options.baseline}, p99`, measure },
    details,
    lag: (p, target) => ({
      scenario: name(p),
      unit: 'ms',
      runs: details[p],
      baseline: `lag, ${options.baseline}, ${p}`,
      ...(target ? { target } : {}),
    }),
    ingest: (target) => ({
      scenario: `ingest during ${options.follower} runs`,
      unit: 'heartbeats/s',
      runs: details.ingestRate,
      baseline: `ingest during ${options.baseline} runs`,
      ...(target ? { target } : {}),
    }),
  };
}
