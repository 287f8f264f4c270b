import { assetStream, customerStream } from '@beacon/domain';
import { EventStore, eventStoreMigrations, runMigrations, type NewHeartbeat } from '@beacon/event-store';
import {
  ElasticsearchAssetReadModel,
  ElasticsearchAssetsProjection,
  ElasticsearchIndices,
  ElasticsearchRebuilds,
  ensureElasticsearchSchema,
} from '@beacon/read-models';
import { createTestDatabase, createTestElasticsearch, eventually, type TestDatabase, type TestElasticsearch } from '@beacon/testing';
import { Pool } from 'pg';
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

const assetId = (i: number): string => `truck-${i}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function registerFleet(): Promise<void> {
  await store.append(
    customerStream('acme'),
    [{ type: 'CustomerRegistered', data: { customerId: 'acme', name: 'Acme', address: null, registeredAt: '2026-11-25T00:00:00Z' } }],
    { expectedVersion: 'no_stream' },
  );
  for (let i = 0; i < ASSETS; i++) {
    await store.append(
      assetStream(assetId(i)),
      [
        {
          type: 'AssetRegistered',
          data: { assetId: assetId(i), kind: 'vehicle', customerId: 'acme', registration: `TRK-${i}`, label: null, callsign: null, icao24: null, timeoutSeconds: 60, registeredAt: '2026-11-25T00:00:00Z' },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
  }
}

function tickOfHeartbeats(tick: number): NewHeartbeat[] {
  const timestamp = new Date(Date.UTC(2026, 10, 25, 8, 0, 0) + tick * 1000).toISOString();
  return Array.from({ length: ASSETS }, (_, i) => ({
    dedupeKey: `t:${timestamp}`,
    data: { assetId: assetId(i), timestamp, lat: 57 + tick / 10_000, lon: 12 + i / 100, altitude: null, speed: 8, heading: 45, accuracy: null, battery: null, messageId: null },
    metadata: { correlationId: `tick-${tick}`, receivedAt: timestamp, source: 'test' },
  }));
}

/** Every asset document of an alias or index, without Elasticsearch's own fields, by id. */
async function assetDocuments(index: string): Promise<unknown[]> {
  await elasticsearch.client.indices.refresh({ index });
  const response = await elasticsearch.client.search({ index, size: 1000, sort: [{ id: 'asc' }] });
  return response.hits.hits.map((hit) => hit._source);
}

describe('Rebuilding the Elasticsearch read model', () => {
  it('keeps search answering during live ingest and ends equal to a fresh projection of the log', async () => {
    await registerFleet();
    for (let tick = 0; tick < 100; tick++) await store.appendHeartbeats(tickOfHeartbeats(tick));
    const indices = new ElasticsearchIndices(`${elasticsearch.prefix}-live`);
    const client = elasticsearch.client;
    const live = new ElasticsearchAssetsProjection(client, indices, await ensureElasticsearchSchema(client, indices));
    const generationBefore = live.writeTarget.generation;
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
        await store.appendHeartbeats(tickOfHeartbeats(tick++));
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
    const finished = await eventually(async () => {
      const record = await readRebuild(pool, request.id);
      expect(record?.status).toMatch(/done|failed/);
      return record;
    }, 90_000, 200);
    expect(finished?.error).toBeNull();
    expect(finished?.status).toBe('done');
    expect(live.writeTarget.generation).not.toBe(generationBefore);

    await sleep(500); // live projection goes on after the swap, into the new generation
    ingesting = false;
    searching = false;
    await Promise.all([ingest, search]);
    await eventually(async () => expect(await projector?.lagMs()).toBe(0), 30_000);

    // Search answered the whole time, always with the whole fleet.
    expect(totalsSeen.length).toBeGreaterThan(10);
    expect(new Set(totalsSeen)).toEqual(new Set([ASSETS]));
    // The old generation is gone; the aliases point at the new one.
    const aliased = await client.indices.getAlias({ name: indices.assetsAlias });
    expect(Object.keys(aliased)).toEqual([live.writeTarget.assets]);

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
