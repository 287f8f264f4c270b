import { Client } from 'pg';
import { withBenchPostgres, type BenchPostgres } from '../lib/postgres';
import { repeatInRounds } from '../lib/repeat';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../lib/types';
import { AfterRun } from './ingest/after-run';
import { startBareRoute } from './ingest/bare-route';
import { startBeaconServer } from './ingest/beacon-server';
import type { Child } from './ingest/child';
import { ownCpuSeconds, parentPid, processTreeCpuSeconds } from './ingest/cpu';
import { EventLog } from './ingest/event-log';
import { ASSET_COUNT, CUSTOMER_ID, assetIds, registerFleet } from './ingest/fleet';
import { freeLoopbackPort } from './ingest/free-port';
import { HeartbeatClock, batchRequests, pingRequests, prebuilt } from './ingest/heartbeat-bodies';
import { loadScenario, type LoadScenario } from './ingest/load-scenario';
import { runDetails } from './ingest/run-details';
import { ensureServerBuilt } from './ingest/server-build';
import { adminKeyOf, packageVersion, serverEnv } from './ingest/server-env';
import { idleLoopDelay } from './ingest/server-metrics';

const BARE_SINGLE = 'bare route, 1 heartbeat';
const SINGLE = 'single heartbeat';
const BARE_BATCH = 'bare route, batches of 1,000';
const BATCH = 'batches of 1,000';
const BATCH_SIZE = 1_000;
const SINGLE_CONNECTIONS = 100;
const BATCH_CONNECTIONS = 8;
/** Distinct bodies the bare route's batches cycle through (about 100 KB each). */
const PREBUILT_BATCHES = 64;
/** A projector that needs longer than this to catch up after a 10 s run is a finding, not a wait. */
const CATCH_UP_TIMEOUT_MS = 120_000;

/** Seconds of load per run at scale 1: 10 s (5 s for the warm-up), never under 2 s. */
function durations(scale: number): { seconds: number; warmUpSeconds: number } {
  return { seconds: Math.max(2, Math.round(10 * scale)), warmUpSeconds: Math.max(2, Math.round(5 * scale)) };
}

async function run(context: BenchmarkContext, postgres: BenchPostgres): Promise<BenchmarkResult> {
  const server = serverEnv(postgres.url);
  const adminKey = adminKeyOf(server);
  const client = new Client({ connectionString: postgres.url });
  // An idle connection reports here when PostgreSQL is stopped under it on Ctrl-C.
  client.on('error', () => undefined);
  await client.connect();
  const children: Child[] = [];
  try {
    const bare = await startBareRoute();
    children.push(bare.child);
    const beacon = await startBeaconServer(server.env, await freeLoopbackPort());
    children.push(beacon.child);
    const ids = assetIds();
    context.log(`server ready on ${beacon.url}, bare route on ${bare.url}; registering ${ASSET_COUNT} vehicles`);
    await registerFleet(beacon.url, adminKey, ids);

    const backend = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const postmaster = parentPid(backend.rows[0]?.pid ?? 0);
    const cpuMeters = {
      server: () => processTreeCpuSeconds(beacon.child.pid),
      'bare route': () => processTreeCpuSeconds(bare.child.pid),
      postgres: () => processTreeCpuSeconds(postmaster),
      autocannon: ownCpuSeconds,
    };
    const eventLog = new EventLog(client);
    const afterRun = new AfterRun(eventLog, CATCH_UP_TIMEOUT_MS, context.log);
    const clock = new HeartbeatClock(ids.length);
    const idleLoop = await idleLoopDelay(beacon.url);
    const common = { adminKey, eventLog, afterRun, cpuMeters, idleLoop, ...durations(context.scale) };
    const single = { ...common, connections: SINGLE_CONNECTIONS, heartbeatsPerRequest: 1, next: pingRequests(ids, clock) };
    const batch = { ...common, connections: BATCH_CONNECTIONS, heartbeatsPerRequest: BATCH_SIZE, next: batchRequests(ids, clock, BATCH_SIZE) };
    const scenarios = [
      loadScenario({ ...single, scenario: BARE_SINGLE, baseline: BARE_SINGLE, url: bare.url, stores: false }),
      loadScenario({ ...single, scenario: SINGLE, baseline: BARE_SINGLE, url: beacon.url, stores: true, target: { min: 10_000, minRatio: 0.4 } }),
      loadScenario({ ...batch, scenario: BARE_BATCH, baseline: BARE_BATCH, url: bare.url, stores: false, next: prebuilt(batch.next, PREBUILT_BATCHES) }),
      loadScenario({ ...batch, scenario: BATCH, baseline: BARE_BATCH, url: beacon.url, stores: true, target: { min: 50_000 } }),
    ];
    context.log('bare route and real server, single heartbeats and batches, in rounds');
    const [bareSingle, realSingle, bareBatch, realBatch] = await repeatInRounds(
      scenarios.map((s) => s.scenario),
      context,
    );
    await afterRun.settle();
    const [bareSingleLoad, realSingleLoad] = scenarios as [LoadScenario, LoadScenario];
    return {
      settings: {
        assets: ASSET_COUNT,
        customer: CUSTOMER_ID,
        batchSize: BATCH_SIZE,
        connections: { [SINGLE]: SINGLE_CONNECTIONS, [BATCH]: BATCH_CONNECTIONS },
        ...durations(context.scale),
        rate: '2xx responses / autocannon duration (× 1,000 for batches); non-2xx, errors or timeouts fail the run',
        server: server.recorded,
        bareRoute: `fastify ${packageVersion('fastify')} in its own process, the server's Fastify options, one handler, no database; its batches cycle through ${PREBUILT_BATCHES} pre-built bodies`,
        loadGenerator: `autocannon ${packageVersion('autocannon')} in the harness process, pipelining 1`,
        perScenario: runDetails(scenarios),
        postgres: postgres.settings,
      },
      measurements: [
        bareSingle,
        realSingle,
        bareSingleLoad.latency('p50', `${BARE_SINGLE}, p50`),
        realSingleLoad.latency('p50', `${BARE_SINGLE}, p50`),
        bareSingleLoad.latency('p99', `${BARE_SINGLE}, p99`),
        realSingleLoad.latency('p99', `${BARE_SINGLE}, p99`, { max: 50 }),
        bareBatch,
        realBatch,
      ].filter((m) => m !== undefined),
    };
  } finally {
    // The server first: it flushes what it holds while PostgreSQL is still up.
    for (const child of children.reverse()) await child.stop();
    await client.end().catch(() => undefined);
  }
}

export const benchmark: Benchmark = {
  name: 'ingest',
  description: 'HTTP ingest of durable heartbeats (autocannon on loopback) against a bare Fastify route',
  run: async (context) => {
    await ensureServerBuilt(context.log);
    return withBenchPostgres((postgres) => run(context, postgres));
  },
};
