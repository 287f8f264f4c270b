import { assetStream } from '@beacon/domain';
import { EventStore, eventStoreMigrations, runMigrations } from '@beacon/event-store';
import {
  aliasesOf,
  type AssetReadModel,
  ElasticsearchAssetReadModel,
  ElasticsearchAssetsProjection,
  ElasticsearchIndices,
  ensureElasticsearchSchema,
  PostgresAssetReadModel,
  postgresAssetsProjection,
  postgresReadModelMigrations,
  type ReadModelProjection,
} from '@beacon/read-models';
import { createTestDatabase, createTestElasticsearch, eventually, type TestDatabase, type TestElasticsearch } from '@beacon/testing';
import { Pool } from 'pg';
import { MovingFleet, sleep } from '../testing/moving-fleet';
import { listDeadLetters, requestDeadLetterRetry } from './dead-letters';
import { readLogHead } from './log-head';
import { projectionMigrations } from './migrations';
import { Projector } from './projector';

/**
 * An event the read model refuses for its data (a timeout beyond PostgreSQL's `integer` and
 * Elasticsearch's `integer` field) arrives among a fleet's heartbeats. Every good event must be
 * projected, the poison one set aside as a dead letter after 3 tries, and applied once the read
 * model is fixed and a retry is asked for. The same for both read models: the guard is shared.
 */
const NAME = 'poison-assets';
const VANS = 10;
const POISON = 'poison-1';

let database: TestDatabase;
let pool: Pool;
let store: EventStore;
let elasticsearch: TestElasticsearch;
let projector: Projector | null = null;
let ingest: { stop(): Promise<number> } | null = null;

beforeAll(async () => {
  elasticsearch = await createTestElasticsearch();
}, 60_000);

// A log of its own for each read model: one's poison event must not reach the other.
beforeEach(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...postgresReadModelMigrations, ...projectionMigrations]);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
}, 60_000);

afterEach(async () => {
  await ingest?.stop();
  await projector?.stop();
  ingest = null;
  projector = null;
  await pool?.end();
  await database?.drop();
}, 30_000);

afterAll(async () => {
  await elasticsearch?.dispose();
}, 30_000);

interface ReadModelUnderTest {
  projection: ReadModelProjection;
  readModel: AssetReadModel;
  /** Makes the read model accept what it refused. */
  fix(): Promise<void>;
  refresh(): Promise<void>;
}

describe('A poison event among good traffic', () => {
  it('on PostgreSQL: good events all projected, the poison one a dead letter after 3 tries, applied by a retry once fixed', async () => {
    await runScenario('pg', {
      projection: postgresAssetsProjection,
      readModel: new PostgresAssetReadModel(pool),
      fix: async () => void (await pool.query('ALTER TABLE rm_assets ALTER COLUMN timeout_seconds TYPE bigint')),
      refresh: () => Promise.resolve(),
    });
  }, 90_000);

  it('on Elasticsearch: the same, the document refused by its mapping', async () => {
    const client = elasticsearch.client;
    const indices = new ElasticsearchIndices(`${elasticsearch.prefix}-poison`);
    await ensureElasticsearchSchema(client, indices);
    await runScenario('es', {
      projection: new ElasticsearchAssetsProjection(client, indices, aliasesOf(indices)),
      readModel: new ElasticsearchAssetReadModel(client, indices),
      fix: async () =>
        void (await client.indices.putMapping({
          index: indices.assetsAlias,
          properties: { timeoutSeconds: { type: 'integer', ignore_malformed: true } },
        })),
      refresh: async () => void (await client.indices.refresh({ index: indices.assetsAlias })),
    });
  }, 90_000);
});

async function runScenario(prefix: string, model: ReadModelUnderTest): Promise<void> {
  const name = `${NAME}-${prefix}`;
  const poisonId = `${prefix}-${POISON}`;
  const fleet = new MovingFleet(store, 'van', VANS);
  await fleet.register();
  const deadLettered: bigint[] = [];
  projector = new Projector({
    pool,
    store,
    name,
    projection: model.projection,
    batchSize: 100,
    retry: { initialMs: 20, maxMs: 200 },
    rebuildPollMs: 100,
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    observer: { eventDeadLettered: (event) => deadLettered.push(event.globalPosition) },
  });
  await projector.start();

  const pump = startIngest(fleet);
  ingest = pump;
  await sleep(300);
  await store.append(assetStream(poisonId), [{ type: 'AssetRegistered', data: registration(poisonId, 1e12) }], {
    expectedVersion: 'no_stream',
  });
  const [poison] = await store.readStream(assetStream(poisonId));
  await sleep(1_000); // good traffic on both sides of the poison event
  const ticks = await pump.stop();
  ingest = null;
  await eventually(async () => expect((await readLogHead(pool, store, name)).firstUnprojected).toBeNull(), 20_000, 100);

  // Every good event is in the read model: each van seen at the last tick.
  await model.refresh();
  const now = new Date(fleet.timeOf(ticks));
  for (let i = 0; i < VANS; i++) {
    expect((await model.readModel.get(fleet.assetId(i), now))?.lastSeenAt).toBe(fleet.timeOf(ticks - 1));
  }
  expect(await model.readModel.get(poisonId, now)).toBeNull();
  // The poison event is listed once, with where it is and why, and counted once.
  const letters = await listDeadLetters(pool, name);
  expect(letters).toEqual([
    expect.objectContaining({
      projection: name,
      position: poison?.globalPosition.toString(),
      streamId: assetStream(poisonId),
      eventType: 'AssetRegistered',
      attempts: 3,
    }),
  ]);
  expect(letters[0]?.error).toMatch(/range|timeoutSeconds/);
  expect(letters[0]?.firstFailedAt.getTime()).toBeLessThanOrEqual(letters[0]?.lastFailedAt.getTime() ?? 0);
  expect(deadLettered).toEqual([poison?.globalPosition]);

  // A retry before the fix is refused again and stays listed, with one more attempt.
  await requestDeadLetterRetry(pool, name, poison?.globalPosition ?? 0n);
  await eventually(
    async () => expect(await listDeadLetters(pool, name)).toEqual([expect.objectContaining({ attempts: 4, retryRequestedAt: null })]),
    10_000,
    100,
  );

  // Fixed, a retry applies it and it leaves the list.
  await model.fix();
  expect(await requestDeadLetterRetry(pool, name, 'all')).toHaveLength(1);
  await eventually(async () => expect(await listDeadLetters(pool, name)).toEqual([]), 10_000, 100);
  await model.refresh();
  expect(await model.readModel.get(poisonId, now)).toMatchObject({ id: poisonId, registration: poisonId.toUpperCase() });
}

function registration(assetId: string, timeoutSeconds: number): Record<string, unknown> {
  const unset = { label: null, callsign: null, icao24: null };
  return {
    assetId,
    kind: 'vehicle',
    customerId: 'acme',
    registration: assetId.toUpperCase(),
    ...unset,
    timeoutSeconds,
    registeredAt: '2026-11-25T00:00:00Z',
  };
}

/** A tick of the fleet every 20 ms until stopped; returns how many ticks were appended. */
function startIngest(fleet: MovingFleet): { stop(): Promise<number> } {
  let running = true;
  let tick = 0;
  const loop = (async () => {
    while (running) {
      await store.appendHeartbeats(fleet.tick(tick++));
      await sleep(20);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return tick;
    },
  };
}
