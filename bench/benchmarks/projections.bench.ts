import { EventStore, eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { postgresReadModelMigrations } from '@beacon/read-models';
import { Client, Pool } from 'pg';
import { withBenchElasticsearch, type BenchElasticsearch } from '../lib/elasticsearch';
import { withBenchPostgres, type BenchPostgres } from '../lib/postgres';
import { repeatInRounds } from '../lib/repeat';
import type { Benchmark, BenchmarkContext, BenchmarkResult } from '../lib/types';
import { catchUpScenarios } from './projections/catch-up-scenarios';
import { verifyElasticsearchReadModel } from './projections/elasticsearch-read-model';
import { fillLog } from './projections/fill-log';
import { buildFleet, registerFleet, registrationEvents } from './projections/fleet';
import { FleetHeartbeats } from './projections/fleet-heartbeats';
import { lagScenario } from './projections/lag-scenario';
import { readLogFacts } from './projections/log-facts';

/** Away from the tests' 9271 and a developer's 9200/9250: a benchmark never touches another node. */
const ELASTICSEARCH_PORT = 9291;
/** Events per readAll batch in every catch-up scenario: the server projector's cap (see README). */
const CATCH_UP_BATCH = 50_000;
/** The lag follower's batch cap, as the server's projector (apps/server assets-projector.service.ts). */
const LAG_BATCH = 50_000;
/** The steady ingest the lag scenario offers: a 10,000-asset fleet reporting once a second. */
const LAG_RATE = 10_000;
const POOL_SIZE = 20; // as the server's pool (apps/server database.module.ts)

/** Heartbeats in the log at scale 1: 1,000,000; the lag runs: 20 s, never under 5 s. */
function sizes(scale: number) {
  return {
    heartbeats: Math.max(10_000, Math.round((1_000_000 * scale) / 1_000) * 1_000),
    lagSeconds: Math.max(5, Math.round(20 * scale)),
  };
}

async function run(context: BenchmarkContext, postgres: BenchPostgres, elasticsearch: BenchElasticsearch): Promise<BenchmarkResult> {
  const size = sizes(context.scale);
  // The event store's migrations ran already; these are skipped, the read model's are added.
  await runMigrations(postgres.url, [...eventStoreMigrations, ...postgresReadModelMigrations]);
  const pool = new Pool({ connectionString: postgres.url, max: POOL_SIZE });
  const admin = new Client({ connectionString: postgres.url });
  // Only idle connections report here: PostgreSQL stopped under them on Ctrl-C must not crash the clean-up.
  pool.on('error', ignore);
  admin.on('error', ignore);
  await admin.connect();
  try {
    const store = new EventStore(pool);
    const fleet = buildFleet();
    context.log(`registering ${fleet.customers.length} customers and ${fleet.assets.length.toLocaleString('en-US')} assets`);
    await registerFleet(store, fleet);
    const heartbeats = new FleetHeartbeats(fleet.assets);
    context.log(`storing ${size.heartbeats.toLocaleString('en-US')} heartbeats`);
    await fillLog(pool, heartbeats, fleet.assets.length, size.heartbeats, context.log);
    const facts = await readLogFacts(admin);
    if (facts.events !== size.heartbeats + registrationEvents(fleet))
      throw new Error(`the log holds ${facts.events} events, expected ${size.heartbeats + registrationEvents(fleet)}`);

    context.log(`catch-up from position 0 over ${facts.events.toLocaleString('en-US')} events, batches of ${CATCH_UP_BATCH}, in rounds`);
    const catchUp = catchUpScenarios({
      pool,
      admin,
      store,
      elasticsearch: elasticsearch.client,
      facts,
      customers: fleet.customers.length,
      batchSize: CATCH_UP_BATCH,
      elasticsearchTarget: { min: 30_000 },
    });
    const catchUpMeasurements = await repeatInRounds(catchUp.scenarios, context);

    // The last catch-up's read model is complete up to the head: the lag runs follow on from there.
    const readModel = catchUp.lastElasticsearch();
    if (!readModel) throw new Error('no Elasticsearch catch-up ran');
    let positions = facts.heartbeats;
    const verify = async (appended: number): Promise<void> => {
      positions += appended;
      await verifyElasticsearchReadModel(elasticsearch.client, readModel, await readLogFacts(admin), {
        customers: fleet.customers.length,
        positions,
      });
    };
    const common = { pool, admin, store, heartbeats, rate: LAG_RATE, seconds: size.lagSeconds, batchSize: LAG_BATCH, log: context.log };
    const readOnly = lagScenario({
      ...common,
      follower: 'read-only follower',
      baseline: 'read-only follower',
      apply: async () => undefined,
    });
    const projecting = lagScenario({
      ...common,
      follower: 'Elasticsearch follower',
      baseline: 'read-only follower',
      apply: (events, after) => readModel.projection.apply(events, undefined, after),
      verify,
    });
    context.log(
      `lag: ${LAG_RATE.toLocaleString('en-US')} heartbeats/s for ${size.lagSeconds} s through the writer, a follower applying them, in rounds`,
    );
    await repeatInRounds([readOnly.scenario, projecting.scenario], context);

    return {
      settings: {
        sizes: { ...size, events: facts.events, assets: fleet.assets.length, customers: fleet.customers.length },
        catchUpBatch: CATCH_UP_BATCH,
        catchUpBatchWhy:
          "the server projector's cap; at scale 0.2, runs minutes apart: 20,000 → 50,000 took Elasticsearch 27,900 → 37,700 " +
          'events/s and PostgreSQL 21,400 → 28,100 (each asset document written once for 5 heartbeats instead of 2); see bench/README.md',
        lag: { rate: LAG_RATE, seconds: size.lagSeconds, batchCap: LAG_BATCH, heartbeatsPerAppend: 1, writerOptions: 'library defaults' },
        poolSize: POOL_SIZE,
        perScenario: {
          'lag, read-only follower': readOnly.details,
          'lag, Elasticsearch follower': projecting.details,
        },
        elasticsearch: { ...elasticsearch.settings, port: ELASTICSEARCH_PORT },
        postgres: postgres.settings,
      },
      measurements: [
        ...catchUpMeasurements,
        readOnly.lag('p50'),
        projecting.lag('p50'),
        readOnly.lag('p99'),
        projecting.lag('p99', { max: 1_000 }),
        readOnly.ingest(),
        projecting.ingest({ min: LAG_RATE * 0.95 }),
      ],
    };
  } finally {
    await admin.end();
    await pool.end();
  }
}

const ignore = (): void => undefined;

export const benchmark: Benchmark = {
  name: 'projections',
  description: 'projecting the event log into PostgreSQL and Elasticsearch: catch-up from 0 and lag behind steady ingest',
  run: (context) =>
    withBenchElasticsearch({ port: ELASTICSEARCH_PORT, heap: process.env['BENCH_ELASTICSEARCH_HEAP'] }, (elasticsearch) =>
      withBenchPostgres((postgres) => run(context, postgres, elasticsearch)),
    ),
};
