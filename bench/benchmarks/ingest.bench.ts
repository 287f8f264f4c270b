import { createDatabase } from '@beacon/embedded-postgres';
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
import { adminKeyOf, packageVersion, serverEnv, type ServerEnv } from './ingest/server-env';
import { idleLoopDelay } from './ingest/server-metrics';

const BARE_SINGLE = 'bare route, 1 heartbeat';
const SINGLE = 'single heartbeat';
const SINGLE_ALL_ROLES = 'single heartbeat, all roles in one process';
const BARE_BATCH = 'bare route, batches of 1,000';
const BATCH = 'batches of 1,000';
const BATCH_ALL_ROLES = 'batches of 1,000, all roles in one process';
const BATCH_INLINE = 'batches of 1,000, all roles, projector inline';
const BATCH_SIZE = 1_000;
const SINGLE_CONNECTIONS = 100;
const BATCH_CONNECTIONS = 8;
/** Distinct bodies the bare route's batches cycle through (about 100 KB each). */
const PREBUILT_BATCHES = 64;
/** A projector that needs longer than this to catch up after a 10 s run is a finding, not a wait. */
const CATCH_UP_TIMEOUT_MS = 120_000;
/** The deployed ingest service (docker-stack.yml's `ingest`): what the targets are about. */
const INGEST_ROLE = 'ingest';
/** The all-in-one server gets a database of its own, so neither server's log loads the other's runs. */
const ALL_ROLES_DATABASE = 'beacon_bench_all_roles';
/** The all-in-one server with its projector on the request thread, as before decision 036. */
const INLINE_DATABASE = 'beacon_bench_projector_inline';
const PROJECTOR_INLINE = { BEACON_PROJECTOR: 'inline' };

/** Seconds of load per run at scale 1: 10 s (5 s for the warm-up), never under 2 s. */
function durations(scale: number): { seconds: number; warmUpSeconds: number } {
  return { seconds: Math.max(2, Math.round(10 * scale)), warmUpSeconds: Math.max(2, Math.round(5 * scale)) };
}

interface RealServer {
  url: string;
  adminKey: string;
  env: ServerEnv;
  eventLog: EventLog;
  child: Child;
}

/**
 * Two real servers: the ingest service as deployed (BEACON_ROLES=ingest: projector and query run
 * as services of their own), which carries the targets, and every role in one process as
 * `npm start` runs it, whose projector and live stream follow the log on the same event loop.
 */
async function run(context: BenchmarkContext, postgres: BenchPostgres): Promise<BenchmarkResult> {
  const clients: Client[] = [];
  const children: Child[] = [];
  const connect = async (url: string): Promise<Client> => {
    const client = new Client({ connectionString: url });
    // An idle connection reports here when PostgreSQL is stopped under it on Ctrl-C.
    client.on('error', () => undefined);
    await client.connect();
    clients.push(client);
    return client;
  };
  const startReal = async (databaseUrl: string, roles?: string, settings?: Record<string, string>): Promise<RealServer> => {
    const env = serverEnv(databaseUrl, roles, settings);
    const server = await startBeaconServer(env.env, await freeLoopbackPort());
    children.push(server.child);
    return { url: server.url, adminKey: adminKeyOf(env), env, eventLog: new EventLog(await connect(databaseUrl)), child: server.child };
  };
  try {
    const bare = await startBareRoute();
    children.push(bare.child);
    const ingest = await startReal(postgres.url, INGEST_ROLE);
    const allRoles = await startReal(await createDatabase(postgres.url, ALL_ROLES_DATABASE));
    const inline = await startReal(await createDatabase(postgres.url, INLINE_DATABASE), undefined, PROJECTOR_INLINE);
    const ids = assetIds();
    context.log(
      `servers ready: ingest role on ${ingest.url}, all roles on ${allRoles.url} (projector inline: ${inline.url}), bare route on ${bare.url}`,
    );
    context.log(`registering ${ASSET_COUNT} vehicles with each server`);
    for (const server of [ingest, allRoles, inline]) await registerFleet(server.url, server.adminKey, ids);

    const admin = clients[0] as Client;
    const backend = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const postmaster = parentPid(backend.rows[0]?.pid ?? 0);
    const cpuMeters = {
      'ingest server': () => processTreeCpuSeconds(ingest.child.pid),
      'all-roles server': () => processTreeCpuSeconds(allRoles.child.pid),
      'projector-inline server': () => processTreeCpuSeconds(inline.child.pid),
      'bare route': () => processTreeCpuSeconds(bare.child.pid),
      postgres: () => processTreeCpuSeconds(postmaster),
      autocannon: ownCpuSeconds,
    };
    const afterRun = new AfterRun([ingest.eventLog, allRoles.eventLog, inline.eventLog], CATCH_UP_TIMEOUT_MS, context.log);
    const clock = new HeartbeatClock(ids.length);
    const common = { afterRun, cpuMeters, ...durations(context.scale) };
    const on = async (server: RealServer) => ({
      url: server.url,
      adminKey: server.adminKey,
      eventLog: server.eventLog,
      idleLoop: await idleLoopDelay(server.url),
      stores: true,
    });
    const onBare = { url: bare.url, adminKey: ingest.adminKey, eventLog: ingest.eventLog, idleLoop: null, stores: false };
    const [onIngest, onAllRoles, onInline] = [await on(ingest), await on(allRoles), await on(inline)];
    const single = { ...common, connections: SINGLE_CONNECTIONS, heartbeatsPerRequest: 1, next: pingRequests(ids, clock) };
    const batch = {
      ...common,
      connections: BATCH_CONNECTIONS,
      heartbeatsPerRequest: BATCH_SIZE,
      next: batchRequests(ids, clock, BATCH_SIZE),
    };
    const scenarios = [
      loadScenario({ ...single, ...onBare, scenario: BARE_SINGLE, baseline: BARE_SINGLE }),
      loadScenario({ ...single, ...onIngest, scenario: SINGLE, baseline: BARE_SINGLE, target: { min: 10_000, minRatio: 0.4 } }),
      loadScenario({ ...single, ...onAllRoles, scenario: SINGLE_ALL_ROLES, baseline: BARE_SINGLE }),
      loadScenario({ ...batch, ...onBare, scenario: BARE_BATCH, baseline: BARE_BATCH, next: prebuilt(batch.next, PREBUILT_BATCHES) }),
      loadScenario({ ...batch, ...onIngest, scenario: BATCH, baseline: BARE_BATCH, target: { min: 50_000 } }),
      loadScenario({ ...batch, ...onAllRoles, scenario: BATCH_ALL_ROLES, baseline: BARE_BATCH }),
      loadScenario({ ...batch, ...onInline, scenario: BATCH_INLINE, baseline: BARE_BATCH }),
    ];
    context.log('bare route and both servers, single heartbeats and batches, in rounds');
    const [bareSingle, realSingle, allRolesSingle, bareBatch, realBatch, allRolesBatch, inlineBatch] = await repeatInRounds(
      scenarios.map((s) => s.scenario),
      context,
    );
    await afterRun.settle();
    const [bareSingleLoad, realSingleLoad, allRolesSingleLoad] = scenarios as [LoadScenario, LoadScenario, LoadScenario];
    return {
      settings: {
        assets: ASSET_COUNT,
        customer: CUSTOMER_ID,
        batchSize: BATCH_SIZE,
        connections: { [SINGLE]: SINGLE_CONNECTIONS, [BATCH]: BATCH_CONNECTIONS },
        ...durations(context.scale),
        rate: '2xx responses / autocannon duration (× 1,000 for batches); non-2xx, errors or timeouts fail the run',
        servers: {
          [`${SINGLE} / ${BATCH}`]: ingest.env.recorded,
          [`${SINGLE_ALL_ROLES} / ${BATCH_ALL_ROLES}`]: { ...allRoles.env.recorded, database: ALL_ROLES_DATABASE },
          [BATCH_INLINE]: { ...inline.env.recorded, database: INLINE_DATABASE },
        },
        bareRoute: `fastify ${packageVersion('fastify')} in its own process, the server's Fastify options, one handler, no database; its batches cycle through ${PREBUILT_BATCHES} pre-built bodies`,
        loadGenerator: `autocannon ${packageVersion('autocannon')} in the harness process, pipelining 1`,
        perScenario: runDetails(scenarios),
        postgres: postgres.settings,
      },
      measurements: [
        bareSingle,
        realSingle,
        allRolesSingle,
        bareSingleLoad.latency('p50', `${BARE_SINGLE}, p50`),
        realSingleLoad.latency('p50', `${BARE_SINGLE}, p50`),
        allRolesSingleLoad.latency('p50', `${BARE_SINGLE}, p50`),
        bareSingleLoad.latency('p99', `${BARE_SINGLE}, p99`),
        realSingleLoad.latency('p99', `${BARE_SINGLE}, p99`, { max: 50 }),
        allRolesSingleLoad.latency('p99', `${BARE_SINGLE}, p99`),
        bareBatch,
        realBatch,
        allRolesBatch,
        inlineBatch,
      ].filter((m) => m !== undefined),
    };
  } finally {
    // The servers first: they flush what they hold while PostgreSQL is still up.
    for (const child of children.reverse()) await child.stop();
    for (const client of clients) await client.end().catch(() => undefined);
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
