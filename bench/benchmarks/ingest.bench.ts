import { createDatabase } from '@beacon/embedded-postgres';
import { HeartbeatPartitions, eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { Client, Pool } from 'pg';
import { withBenchPostgres, type BenchPostgres } from '../lib/postgres';
import { repeatInRounds } from '../lib/repeat';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../lib/types';
import { AfterRun } from './ingest/after-run';
import { startBareRoute } from './ingest/bare-route';
import { startBeaconServer } from './ingest/beacon-server';
import type { Child } from './ingest/child';
import type { RequestPlan } from './ingest/load-generator';
import { ownCpuSeconds, parentPid, processTreeCpuSeconds } from './ingest/cpu';
import { EventLog } from './ingest/event-log';
import { ASSET_COUNT, CUSTOMER_ID, assetIds, registerFleet } from './ingest/fleet';
import { freeLoopbackPort } from './ingest/free-port';
import { HeartbeatClock, batchItems, clockStart } from './ingest/heartbeat-bodies';
import { LoadGenerators } from './ingest/load-generators';
import { runLoad } from './ingest/load';
import { loadScenario, type LoadScenario } from './ingest/load-scenario';
import { rawInsertScenario } from './ingest/raw-insert-scenario';
import { runDetails } from './ingest/run-details';
import { ensureServerBuilt } from './ingest/server-build';
import { adminKeyOf, packageVersion, serverEnv, type ServerEnv } from './ingest/server-env';
import { idleLoopDelay } from './ingest/server-metrics';
import { WrkPings, ensureWrk } from './ingest/wrk-pings';

const BARE_SINGLE = 'bare route, 1 heartbeat';
const SINGLE = 'single heartbeat';
const SINGLE_ALL_ROLES = 'single heartbeat, all roles in one process';
const RAW_INSERT = 'raw INSERT, batches of 1,000';
const BARE_BATCH = 'bare route, batches of 1,000';
const BATCH = 'batches of 1,000';
const BATCH_ALL_ROLES = 'batches of 1,000, all roles in one process';
const BATCH_INLINE = 'batches of 1,000, all roles, projector inline';
const BATCH_SIZE = 1_000;
const SINGLE_CONNECTIONS = 100;
const BATCH_CONNECTIONS = 8;
/** The raw baseline: 4 connections, each one multi-row INSERT of 1,000 after the other. */
const RAW_INSERT_CONNECTIONS = 4;
/** As many autocannon processes (batches) and wrk threads (single heartbeats) as the machine has cores (2). */
const LOAD_GENERATORS = 2;
const WRK_THREADS = 2;
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
/** The raw INSERT baseline's table: a database of its own, migrated like the servers' ones, no server. */
const RAW_DATABASE = 'beacon_bench_raw_insert';
const PROJECTOR_INLINE = { BEACON_PROJECTOR: 'inline' };

/** Seconds of load per run at scale 1: 10 s (5 s for the warm-up), never under 4 s. */
function durations(scale: number): { seconds: number; warmUpSeconds: number } {
  // 4 s at least: a batch of 1,000 can take over a second while a server's projector still works
  // off the run before, and a 2 s warm-up of the all-roles server once had none answered (a failed run).
  return { seconds: Math.max(4, Math.round(10 * scale)), warmUpSeconds: Math.max(4, Math.round(5 * scale)) };
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
    const pingIds = assetIds(ASSET_COUNT, ASSET_COUNT);
    const clockStartMs = clockStart();
    const generators = await LoadGenerators.start(LOAD_GENERATORS, clockStartMs);
    children.push(...generators.children);
    const wrk = new WrkPings(clockStartMs, ASSET_COUNT, ASSET_COUNT, WRK_THREADS);
    const raw = await rawInsertTable(postgres.url, clockStartMs, connect);
    context.log(
      `servers ready: ingest role on ${ingest.url}, all roles on ${allRoles.url} (projector inline: ${inline.url}), bare route on ${bare.url}`,
    );
    context.log(`registering ${2 * ASSET_COUNT} vehicles with each server (half for batches, half for single heartbeats)`);
    for (const server of [ingest, allRoles, inline]) await registerFleet(server.url, server.adminKey, [...ids, ...pingIds]);

    const admin = clients[0] as Client;
    const backend = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const postmaster = parentPid(backend.rows[0]?.pid ?? 0);
    const cpuMeters = {
      'ingest server': () => processTreeCpuSeconds(ingest.child.pid),
      'all-roles server': () => processTreeCpuSeconds(allRoles.child.pid),
      'projector-inline server': () => processTreeCpuSeconds(inline.child.pid),
      'bare route': () => processTreeCpuSeconds(bare.child.pid),
      postgres: () => processTreeCpuSeconds(postmaster),
      // The autocannon processes (batches); a wrk run's own CPU replaces this in its line (wrk-pings.ts).
      'load generators': () => generators.children.reduce((sum, child) => sum + processTreeCpuSeconds(child.pid), 0),
      // The raw INSERT's client, and otherwise idle while the generators load a server.
      harness: ownCpuSeconds,
    };
    const afterRun = new AfterRun([ingest.eventLog, allRoles.eventLog, inline.eventLog], CATCH_UP_TIMEOUT_MS, context.log);
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
    const single = (to: { url: string; adminKey: string }) => ({
      ...common,
      connections: SINGLE_CONNECTIONS,
      heartbeatsPerRequest: 1,
      load: (seconds: number) => wrk.run({ ...to, connections: SINGLE_CONNECTIONS, seconds }),
    });
    const batch = (to: { url: string; adminKey: string }, plan: RequestPlan = { kind: 'batch', size: BATCH_SIZE }) => ({
      ...common,
      connections: BATCH_CONNECTIONS,
      heartbeatsPerRequest: BATCH_SIZE,
      load: (seconds: number) => runLoad(generators, { ...to, connections: BATCH_CONNECTIONS, seconds, plan }),
    });
    const rawInsert = rawInsertScenario({
      ...common,
      scenario: RAW_INSERT,
      clients: raw.clients,
      eventLog: raw.eventLog,
      nextItems: batchItems(ids, new HeartbeatClock(ids.length, clockStartMs), BATCH_SIZE),
    });
    const loads = [
      loadScenario({ ...single(onBare), ...onBare, scenario: BARE_SINGLE, baseline: BARE_SINGLE }),
      loadScenario({
        ...single(onIngest),
        ...onIngest,
        scenario: SINGLE,
        baseline: BARE_SINGLE,
        target: { min: 10_000, minRatio: 0.5 },
      }),
      loadScenario({ ...single(onAllRoles), ...onAllRoles, scenario: SINGLE_ALL_ROLES, baseline: BARE_SINGLE }),
      // The HTTP side alone, as a share of what PostgreSQL stores: far above 1, or HTTP is the limit.
      loadScenario({
        ...batch(onBare, { kind: 'batch', size: BATCH_SIZE, prebuilt: PREBUILT_BATCHES }),
        ...onBare,
        scenario: BARE_BATCH,
        baseline: RAW_INSERT,
      }),
      loadScenario({ ...batch(onIngest), ...onIngest, scenario: BATCH, baseline: RAW_INSERT, target: { min: 50_000, minRatio: 0.6 } }),
      loadScenario({ ...batch(onAllRoles), ...onAllRoles, scenario: BATCH_ALL_ROLES, baseline: RAW_INSERT, target: { minRatio: 0.45 } }),
      loadScenario({ ...batch(onInline), ...onInline, scenario: BATCH_INLINE, baseline: RAW_INSERT }),
    ];
    const [bareSingleLoad, realSingleLoad, allRolesSingleLoad] = loads as [LoadScenario, LoadScenario, LoadScenario];
    // The raw INSERT just before the batches it is the baseline of, in every round.
    const inRounds = [...loads.slice(0, 3), rawInsert, ...loads.slice(3)];
    context.log('bare route and the servers (single heartbeats), raw INSERT, bare route and the servers (batches), in rounds');
    const [bareSingle, realSingle, allRolesSingle, rawBatch, bareBatch, realBatch, allRolesBatch, inlineBatch] = await repeatInRounds(
      inRounds.map((s) => s.scenario),
      context,
    );
    await afterRun.settle();
    return {
      settings: {
        assets: ASSET_COUNT,
        customer: CUSTOMER_ID,
        batchSize: BATCH_SIZE,
        connections: { [SINGLE]: SINGLE_CONNECTIONS, [BATCH]: BATCH_CONNECTIONS, [RAW_INSERT]: RAW_INSERT_CONNECTIONS },
        ...durations(context.scale),
        rate:
          "HTTP: single heartbeats, 2xx responses / the wrk run's duration; batches, the sum over the autocannon generators of 2xx responses / " +
          "each one's duration, × 1,000; non-2xx, errors or timeouts fail the run. " +
          'Raw INSERT: rows committed / time until the last INSERT in flight at the deadline returned',
        servers: {
          [`${SINGLE} / ${BATCH}`]: ingest.env.recorded,
          [`${SINGLE_ALL_ROLES} / ${BATCH_ALL_ROLES}`]: { ...allRoles.env.recorded, database: ALL_ROLES_DATABASE },
          [BATCH_INLINE]: { ...inline.env.recorded, database: INLINE_DATABASE },
        },
        bareRoute: `fastify ${packageVersion('fastify')} in its own process, the server's Fastify options, one handler, no database; its batches cycle through ${PREBUILT_BATCHES} pre-built bodies`,
        loadGenerator: {
          'single heartbeats':
            `${wrk.description} (ingest/ping.lua) to ${ASSET_COUNT} vehicles of their own, each run going on with every vehicle's timestamps; ` +
            'its CPU (from the shell that ran it) is perScenario.cores["load generators"]',
          batches:
            `autocannon ${packageVersion('autocannon')} in ${generators.count} processes of their own (ingest/load-generator.ts), ` +
            'started once, each with its share of the connections, pipelining 1, building its requests as it goes; ' +
            'their results summed (autocannon.aggregateResult); their CPU is perScenario.cores["load generators"]',
        },
        rawInsert: `${RAW_INSERT_CONNECTIONS} connections from the harness to database ${RAW_DATABASE} (event-store migrations, no server), each one multi-row INSERT of ${BATCH_SIZE} rows after the other (bench/lib/raw-insert.ts), rows as the ingest stores a batch request's`,
        perScenario: runDetails(inRounds),
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
        rawBatch,
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

interface RawInsertTable {
  clients: Client[];
  eventLog: EventLog;
}

/**
 * The raw INSERT baseline's database on the same PostgreSQL: migrated as the servers migrate
 * theirs, with the daily partitions its rows fall into, and one connection per concurrent INSERT.
 */
async function rawInsertTable(serverUrl: string, clockStartMs: number, connect: (url: string) => Promise<Client>): Promise<RawInsertTable> {
  const url = await createDatabase(serverUrl, RAW_DATABASE);
  await runMigrations(url, eventStoreMigrations);
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    // Timestamps start ten minutes back and move on by seconds at most: an hour covers a midnight.
    const days = [clockStartMs, clockStartMs + 3_600_000].map((ms) => new Date(ms).toISOString());
    await new HeartbeatPartitions(pool).ensure(days);
  } finally {
    await pool.end();
  }
  const clients = await Promise.all(Array.from({ length: RAW_INSERT_CONNECTIONS }, () => connect(url)));
  return { clients, eventLog: new EventLog(await connect(url)) };
}

export const benchmark: Benchmark = {
  name: 'ingest',
  description: 'HTTP ingest of durable heartbeats (wrk and autocannon on loopback) against a bare Fastify route and a raw INSERT',
  run: async (context) => {
    ensureWrk();
    await ensureServerBuilt(context.log);
    return withBenchPostgres((postgres) => run(context, postgres));
  },
};
