import { EventStore } from '@beacon/event-store';
import {
  ElasticsearchAssetReadModel,
  PostgresAssetReadModel,
  type ElasticsearchAssetsProjection,
  type ElasticsearchIndices,
} from '@beacon/read-models';
import type { Client } from '@elastic/elasticsearch';
import type { Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import { logHead } from '../projections/log-facts';
import { FleetClock } from './fleet-clock';
import { planFleet, type FleetPlan } from './fleet-plan';
import { registerFleet } from './fleet-register';
import { historyDays } from './seed-history-days';
import { copyHistoryToElasticsearch } from './seed-history-elasticsearch';
import { seedPostgresHistory } from './seed-history-postgres';
import { appendLatestHeartbeats } from './seed-latest-heartbeats';
import { projectIntoBoth } from './seed-projections';
import { POSITIONS_PER_ASSET, type QuerySizes } from './seed-sizes';
import { verifyReadModels, type StatusMix } from './seed-verify';

/** An asset's positions cover the 24 h before its newest heartbeat, evenly spaced. */
const HISTORY_STEP_MS = (24 * 60 * 60 * 1000) / POSITIONS_PER_ASSET;

/** Both read models filled with the same fleet, and what the scenario groups query them with. */
export interface QueryFixture {
  plan: FleetPlan;
  clock: FleetClock;
  pool: Pool;
  store: EventStore;
  elasticsearch: Client;
  indices: ElasticsearchIndices;
  readModels: { postgres: PostgresAssetReadModel; elasticsearch: ElasticsearchAssetReadModel };
  /** The projection that filled the Elasticsearch read model, to keep it up to date. */
  projection: ElasticsearchAssetsProjection;
  /**
   * The log's head once seeded: both read models reflect the log up to here (the seeded history
   * lies after the projected part but changes no asset). A follower starts here, not at 0.
   */
  logHead: bigint;
  /** Recorded with the results. */
  facts: { mix: StatusMix; events: number; historyStepSeconds: number; seedSeconds: Record<string, number> };
}

/**
 * Registers the fleet and its newest heartbeats in the log and projects them into both read models
 * with the real projections; then writes the older positions straight into the stores the tracks
 * are read from (see seed-history-*.ts), and checks that both read models hold it all.
 */
export async function seedReadModels(
  pool: Pool,
  elasticsearch: Client,
  size: QuerySizes,
  log: (line: string) => void,
): Promise<QueryFixture> {
  const store = new EventStore(pool);
  const plan = planFleet(size, Date.now());
  const seedSeconds: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seedSeconds[name] = Math.round((performance.now() - started) / 100) / 10;
    return result;
  };
  const n = (value: number): string => value.toLocaleString('en-US');

  log(`registering ${n(size.customers)} customers and ${n(size.assets)} assets, then each asset's newest heartbeat`);
  const registered = await step('register', () => registerFleet(store, plan));
  const latest = await step('newestHeartbeats', () => appendLatestHeartbeats(pool, plan));
  log(`projecting ${n(registered + latest)} events into both read models`);
  const projected = await step('project', () => projectIntoBoth(pool, store, elasticsearch));
  const { indices, projection } = projected.readModel;
  if (projected.postgresEvents !== registered + latest || projected.elasticsearchEvents !== registered + latest)
    throw new Error(
      `projected ${projected.postgresEvents} / ${projected.elasticsearchEvents} events, the log holds ${registered + latest}`,
    );
  const after = await headOf(pool);
  log(`seeding ${n(size.positions - latest)} older positions (${POSITIONS_PER_ASSET - 1} per asset, ${HISTORY_STEP_MS / 1000} s apart)`);
  const history = { count: POSITIONS_PER_ASSET - 1, stepMs: HISTORY_STEP_MS };
  const days = historyDays(plan, history);
  await step('historyPostgres', () => seedPostgresHistory(pool, plan, { ...history, days, log }));
  await step('historyElasticsearch', () => copyHistoryToElasticsearch(pool, elasticsearch, indices, { after, days, log }));
  // Statistics and the visibility map as autovacuum would have left them on a server in service.
  await step('vacuum', async () => {
    await pool.query('VACUUM (ANALYZE) heartbeats, rm_assets, rm_asset_search, rm_search_vocabulary, rm_customers');
    await pool.query('CHECKPOINT');
  });

  const readModels = { postgres: new PostgresAssetReadModel(pool), elasticsearch: new ElasticsearchAssetReadModel(elasticsearch, indices) };
  const mix = await verifyReadModels({ pool, client: elasticsearch, indices, ...readModels }, plan, size);
  log(
    `filled in ${n(Object.values(seedSeconds).reduce((a, b) => a + b, 0))} s (${Object.entries(seedSeconds)
      .map(([name, seconds]) => `${name} ${n(seconds)}`)
      .join(', ')}); at query time ${n(mix.planned.online)} online, ${n(mix.planned.offline)} offline`,
  );
  return {
    plan,
    clock: new FleetClock(plan.atMs),
    pool,
    store,
    elasticsearch,
    indices,
    readModels,
    projection,
    logHead: await headOf(pool),
    facts: { mix, events: projected.postgresEvents, historyStepSeconds: HISTORY_STEP_MS / 1000, seedSeconds },
  };
}

async function headOf(pool: Pool): Promise<bigint> {
  const client = await pool.connect();
  try {
    return await logHead(client);
  } finally {
    client.release();
  }
}
