import type { StatusCounts } from '@beacon/contracts';
import type { AssetReadModel, ElasticsearchIndices } from '@beacon/read-models';
import type { Client } from '@elastic/elasticsearch';
import type { Pool } from 'pg';
import type { FleetPlan } from './fleet-plan';
import { POSITIONS_PER_ASSET, type QuerySizes } from './seed-sizes';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The online/offline mix each read model reports at the first and the last instant the clock hands out. */
export interface StatusMix {
  planned: StatusCounts;
  postgres: StatusCounts;
  elasticsearch: StatusCounts;
}

/**
 * Fails unless both read models hold the whole fleet and every position, and agree with the plan
 * on the status mix at both ends of the queries' clock: latencies over a half-filled read model
 * would be quick and meaningless.
 */
export async function verifyReadModels(
  options: { pool: Pool; client: Client; indices: ElasticsearchIndices; postgres: AssetReadModel; elasticsearch: AssetReadModel },
  plan: FleetPlan,
  size: QuerySizes,
): Promise<StatusMix> {
  const { pool, client, indices } = options;
  const count = async (table: string): Promise<number> =>
    Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
  expect('PostgreSQL assets', await count('rm_assets'), size.assets);
  expect('PostgreSQL customers', await count('rm_customers'), size.customers);
  expect('PostgreSQL positions (heartbeats)', await count('heartbeats'), size.positions);
  expect('Elasticsearch assets', (await client.count({ index: indices.assetsAlias })).count, size.assets);
  expect('Elasticsearch customers', (await client.count({ index: indices.customersAlias })).count, size.customers);
  expect('Elasticsearch positions', (await client.count({ index: indices.positionsPattern })).count, size.positions);

  const online = plan.assets.filter((a) => a.online).length;
  const planned = { online, offline: plan.assets.length - online, unknown: 0 };
  const mix = { planned, postgres: planned, elasticsearch: planned };
  for (const at of [plan.atMs, plan.atMs + 999]) {
    mix.postgres = (await options.postgres.search({ limit: 1 }, new Date(at))).counts;
    mix.elasticsearch = (await options.elasticsearch.search({ limit: 1 }, new Date(at))).counts;
    for (const [store, counts] of [
      ['PostgreSQL', mix.postgres],
      ['Elasticsearch', mix.elasticsearch],
    ] as const) {
      if (JSON.stringify(counts) !== JSON.stringify(planned))
        throw new Error(`${store} reports ${JSON.stringify(counts)} at ${new Date(at).toISOString()}, planned ${JSON.stringify(planned)}`);
    }
  }

  // An online asset's last 24 h hold all of its positions, in both stores.
  const asset = plan.assets.find((a) => a.online);
  if (asset) {
    const query = { assetId: asset.id, from: new Date(plan.atMs - DAY_MS), to: new Date(plan.atMs), limit: 10_000 };
    expect(`PostgreSQL track of ${asset.id}`, (await options.postgres.track(query)).points.length, POSITIONS_PER_ASSET);
    expect(`Elasticsearch track of ${asset.id}`, (await options.elasticsearch.track(query)).points.length, POSITIONS_PER_ASSET);
  }
  return mix;
}

function expect(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: ${actual}, expected ${expected}`);
}
