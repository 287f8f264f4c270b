import { Client } from 'pg';
import { formatNumber } from '../lib/format';
import { withBenchPostgres, type BenchPostgres } from '../lib/postgres';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../lib/types';
import { startBeaconServer, type BeaconServer } from './ingest/beacon-server';
import { childPids, parentPid, processTreeCpuSeconds } from './ingest/cpu';
import { EventLog } from './ingest/event-log';
import { freeLoopbackPort } from './ingest/free-port';
import { ensureServerBuilt } from './ingest/server-build';
import { adminKeyOf, serverEnv } from './ingest/server-env';
import { loadFailures, refusedOrLost, storedCounts } from './load/load-checks';
import { loadMeasurements } from './load/load-measurements';
import { loadPlan } from './load/load-plan';
import { loadSettings } from './load/load-settings';
import { loadWindow, timeline } from './load/load-window';
import { ServerSampler, type Sample } from './load/server-sampler';
import { simulatorOptions, startSimulator, type RunningSimulator } from './load/simulator-process';

/** A projector still behind this long after the load stopped is a finding, not a wait. */
const CATCH_UP_TIMEOUT_MS = 300_000;
const PROGRESS_EVERY_SECONDS = 30;
const MB = 1024 * 1024;
/**
 * The simulator registers its fleet one asset at a time before it sends anything; with read-your-writes
 * each registration waits for the projector, which makes 10,000 of them minutes of set-up. Only
 * commands wait for it, never a heartbeat, so the load itself meets the server as `npm start` runs it.
 */
const FLEET_REGISTERS_WITHOUT_WAITING = { BEACON_READ_YOUR_WRITES_MS: '0' };

/**
 * Issue 23's end-to-end figure: the fleet simulator at 10,000 heartbeats/s for 5 minutes against the
 * built server run as `npm start` runs it (every role, its projector in a child process, auth on,
 * demo off), sampled once a second.
 */
async function run(context: BenchmarkContext, postgres: BenchPostgres): Promise<BenchmarkResult> {
  const plan = loadPlan(context.scale);
  const env = serverEnv(postgres.url, undefined, FLEET_REGISTERS_WITHOUT_WAITING);
  const server = await startBeaconServer(env.env, await freeLoopbackPort());
  const admin = new Client({ connectionString: postgres.url });
  // An idle connection reports here when PostgreSQL is stopped under it on Ctrl-C.
  admin.on('error', () => undefined);
  let simulator: RunningSimulator | null = null;
  try {
    await admin.connect();
    context.log(`server ready on ${server.url}; npm run simulate -- ${simulatorOptions(plan).join(' ')}`);
    const startedAtMs = Date.now();
    simulator = startSimulator(plan, { url: server.url, adminKey: adminKeyOf(env) });
    const samples = await sampleUntilDone(server, simulator, await postmasterPid(admin), context.log);
    const summary = await simulator.finished;
    const eventLog = new EventLog(admin);
    const counts = storedCounts(samples, await eventLog.settledCountAfter('0'));
    const catchUpSeconds = await eventLog.waitForProjections(CATCH_UP_TIMEOUT_MS);
    context.log(
      `simulator: ${formatNumber(summary.sent)} heartbeats in ${summary.seconds} s (${formatNumber(summary.sent / summary.seconds)}/s), ` +
        `${summary.requests} requests, latency p50 ${summary.latencyP50Ms} ms, p99 ${summary.latencyP99Ms} ms; ` +
        `stored ${formatNumber(counts.stored)}; projector caught up ${catchUpSeconds.toFixed(1)} s after the end`,
    );
    const failures = loadFailures(summary, counts);
    if (failures.length > 0) throw new Error(`the load run is not what it claims:\n- ${failures.join('\n- ')}`);
    const window = loadWindow(samples);
    const points = timeline(window);
    return {
      settings: {
        ...loadSettings({ plan, startedAtMs, window, points, summary, counts, catchUpSeconds }),
        server: env.recorded,
        postgres: postgres.settings,
      },
      measurements: loadMeasurements({
        points,
        offeredPerSecond: plan.offeredPerSecond,
        startRssMb: Math.round(((window[0] as Sample).rssBytes / MB) * 10) / 10,
        refusedHeartbeats: refusedOrLost(summary, counts),
      }),
    };
  } finally {
    await simulator?.child.stop();
    await server.child.stop();
    await admin.end().catch(() => undefined);
  }
}

/** Samples the server once a second while the simulator runs, with a progress line every half minute. */
async function sampleUntilDone(
  server: BeaconServer,
  simulator: RunningSimulator,
  postmaster: number,
  log: (line: string) => void,
): Promise<Sample[]> {
  const projectorCpu = (): number => childPids(server.child.pid).reduce((sum, pid) => sum + processTreeCpuSeconds(pid), 0);
  const sampler = new ServerSampler(server.url, server.child.pid, {
    server: () => processTreeCpuSeconds(server.child.pid) - projectorCpu(),
    projector: projectorCpu,
    postgres: () => processTreeCpuSeconds(postmaster),
    simulator: () => (simulator.child.isRunning() ? processTreeCpuSeconds(simulator.child.pid) : null),
  });
  const progress = setInterval(() => log(sampler.progressLine()), PROGRESS_EVERY_SECONDS * 1000);
  const failed = await simulator.finished.then(
    () => null,
    (error: unknown) => error,
  );
  clearInterval(progress);
  // Stopped either way, or its loop would keep the harness alive; a failed scrape is the first thing to tell.
  const samples = await sampler.stop();
  if (failed) throw failed;
  return samples;
}

/** The postmaster, whose process tree is PostgreSQL's share of the cores. */
async function postmasterPid(admin: Client): Promise<number> {
  const backend = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return parentPid(backend.rows[0]?.pid ?? 0);
}

export const benchmark: Benchmark = {
  name: 'load',
  description: 'The fleet simulator at 10,000 heartbeats/s for 5 minutes against the built server run as `npm start` runs it',
  run: async (context) => {
    await ensureServerBuilt(context.log);
    return withBenchPostgres((postgres) => run(context, postgres));
  },
};
