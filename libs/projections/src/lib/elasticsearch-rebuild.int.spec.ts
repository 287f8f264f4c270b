import { EventStore, eventStoreMigrations, runMigrations } from '@beacon/event-store';
import {
  aliasesOf,
  ElasticsearchAssetReadModel,
  ElasticsearchAssetsProjection,
  ElasticsearchIndices,
  ElasticsearchRebuilds,
  ensureElasticsearchSchema,
} from '@beacon/read-models';
import { createTestDatabase, createTestElasticsearch, eventually, type TestDatabase, type TestElasticsearch } from '@beacon/testing';
import { Pool } from 'pg';
import { MovingFleet, sleep } from '../testing/moving-fleet';
import { projectionMigrations } from './migrations';
import { Projector } from './projector';
import { readRebuild, requestRebuild } from './rebuild-requests';

const ASSETS = 50;

let database: TestDatabase;
let pool: Pool;
let store: EventStore;
let elasticsearch: TestElasticsearch;
let projector: Projector | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...projectionMigrations]);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
  elasticsearch = await createTestElasticsearch();
}, 60_000);

afterAll(async () => {
  await projector?.stop();
  await elasticsearch?.dispose();
  await pool?.end();
  await database?.drop();
});

/** Every asset document of an alias or index, without Elasticsearch's own fields, by id. */
async function assetDocuments(index: string): Promise<unknown[]> {
  await elasticsearch.client.indices.refresh({ index });
  const response = await elasticsearch.client.search({ index, size: 1000, sort: [{ id: 'asc' }] });
  return response.hits.hits.map((hit) => hit._source);
}

describe('Rebuilding the Elasticsearch read model', () => {
  it('keeps search answering during live ingest and ends equal to a fresh projection of the log', async () => {
    const fleet = new MovingFleet(store, 'truck', ASSETS);
    await fleet.register();
    for (let tick = 0; tick < 100; tick++) await store.appendHeartbeats(fleet.tick(tick));
    const indices = new ElasticsearchIndices(`${elasticsearch.prefix}-live`);
    const client = elasticsearch.client;
    const generationBefore = (await ensureElasticsearchSchema(client, indices)).assets;
    const live = new ElasticsearchAssetsProjection(client, indices, aliasesOf(indices));
    projector = new Projector({
      pool,
      store,
      name: 'rebuild-assets',
      projection: live,
      rebuilds: new ElasticsearchRebuilds(client, indices, live),
      rebuildPollMs: 100,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    });
    await projector.start();
    const readModel = new ElasticsearchAssetReadModel(client, indices);
    await eventually(async () => {
      await client.indices.refresh({ index: indices.assetsAlias });
      expect((await readModel.search({ limit: 1 }, new Date())).total).toBe(ASSETS);
    }, 30_000);

    let tick = 100;
    let ingesting = true;
    const ingest = (async () => {
      while (ingesting) {
        await store.appendHeartbeats(fleet.tick(tick++));
        await sleep(20);
      }
    })();
    const totalsSeen: number[] = [];
    let searching = true;
    const search = (async () => {
      while (searching) {
        totalsSeen.push((await readModel.search({ limit: 10 }, new Date())).total);
        await sleep(10);
      }
    })();

    const request = await requestRebuild(pool, 'rebuild-assets');
    const finished = await eventually(
      async () => {
        const record = await readRebuild(pool, request.id);
        expect(record?.status).toMatch(/done|failed/);
        return record;
      },
      90_000,
      200,
    );
    expect(finished?.error).toBeNull();
    expect(finished?.status).toBe('done');
    const generationAfter = Object.keys(await client.indices.getAlias({ name: indices.assetsAlias }));
    expect(generationAfter).toHaveLength(1);
    expect(generationAfter).not.toEqual([generationBefore]);

    await sleep(500); // live projection goes on after the swap, into the new generation
    ingesting = false;
    searching = false;
    await Promise.all([ingest, search]);
    await eventually(async () => expect(await projector?.lagMs()).toBe(0), 30_000);

    // Search answered the whole time, always with the whole fleet.
    expect(totalsSeen.length).toBeGreaterThan(10);
    expect(new Set(totalsSeen)).toEqual(new Set([ASSETS]));
    // The old generation is gone; the aliases point at the new one.
    expect(Object.keys(await client.indices.get({ index: `${indices.assetsAlias}-*` }))).toEqual(generationAfter);
    expect(Object.keys(await client.indices.getAlias({ name: indices.assetsAlias }))).toEqual(generationAfter);

    // A fresh projection of the whole log, made now, equals the rebuilt-then-live index.
    const fresh = new ElasticsearchIndices(`${elasticsearch.prefix}-fresh`);
    const freshProjection = new ElasticsearchAssetsProjection(client, fresh, await ensureElasticsearchSchema(client, fresh));
    for (let after = 0n; ; ) {
      const events = await store.readAll(after, 5000);
      const last = events[events.length - 1];
      if (!last) break;
      await freshProjection.apply(events);
      after = last.globalPosition;
    }
    expect(await assetDocuments(indices.assetsAlias)).toEqual(await assetDocuments(fresh.assetsAlias));
  }, 180_000);
});
