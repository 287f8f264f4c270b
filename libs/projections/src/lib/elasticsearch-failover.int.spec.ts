import { EventStore, eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { ElasticsearchAssetsProjection, ElasticsearchIndices, ensureElasticsearchSchema } from '@beacon/read-models';
import { createTestDatabase, createTestElasticsearch, eventually, type TestDatabase, type TestElasticsearch } from '@beacon/testing';
import { Pool } from 'pg';
import { MovingFleet, sleep } from '../testing/moving-fleet';
import { ProjectorProcess } from '../testing/projector-process';
import { readLogHead } from './log-head';
import { projectionMigrations } from './migrations';
import { readRebuild, requestRebuild } from './rebuild-requests';

/**
 * Two processes run the Elasticsearch assets projector, both started before any rebuild. The
 * leader rebuilds (the aliases move to a new generation), then is SIGKILLed; the standby leads and
 * must write where the aliases point, and its own rebuild must not delete the live generation.
 */
const NAME = 'es-assets';
const ASSETS = 20;

let database: TestDatabase;
let pool: Pool;
let store: EventStore;
let elasticsearch: TestElasticsearch;
let fleet: MovingFleet;
const children: ProjectorProcess[] = [];
/** Loops the test started, stopped in afterAll too when it fails half-way. */
const loops: { stop(): Promise<unknown> }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...projectionMigrations]);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
  elasticsearch = await createTestElasticsearch();
  fleet = new MovingFleet(store, 'truck', ASSETS);
  await fleet.register();
  for (let tick = 0; tick < 30; tick++) await store.appendHeartbeats(fleet.tick(tick));
}, 60_000);

afterAll(async () => {
  await Promise.all(loops.map((loop) => loop.stop()));
  // Killed whatever happened above: a stray projector would outlive the run and hold the database.
  await Promise.all(children.map((c) => c.kill('SIGKILL')));
  await elasticsearch?.dispose();
  await pool?.end();
  await database?.drop();
}, 30_000);

describe('Elasticsearch projector failover after a rebuild', () => {
  it('the standby writes to the generation the aliases point at, and its rebuild never deletes the live one', async () => {
    const indices = new ElasticsearchIndices(`${elasticsearch.prefix}-live`);
    const first = spawn(indices);
    await first.waitFor((m) => m.leader === true, 30_000, 'leadership');
    const second = spawn(indices);
    await second.waitFor((m) => m.started === true, 30_000, 'start');
    expect(second.leader).toBe(false);

    const ingest = startIngest(30);
    await rebuild(); // run by the first, the leader
    const afterFirstRebuild = await aliasedIndex(indices);
    expect(afterFirstRebuild).not.toBe(indices.assetsIndex('00000000000000000'));

    await first.kill('SIGKILL');
    await second.waitFor((m) => m.leader === true, 5_000, 'takeover');
    await sleep(1_000); // the new leader projects a live stream
    await ingest.pause();
    await caughtUp();
    // No event lost: what the aliases show equals a fresh projection of the whole log.
    expect(await assetDocuments(indices.assetsAlias)).toEqual(await freshProjection('fresh-1'));
    ingest.resume();

    // The second rebuild runs on the new leader; search must answer with the whole fleet throughout.
    const search = startSearching(indices);
    await rebuild();
    await sleep(500);
    const { totals, failures } = await search.stop();
    expect(failures).toEqual([]);
    expect(totals.length).toBeGreaterThan(5);
    expect(new Set(totals)).toEqual(new Set([ASSETS]));

    await ingest.stop();
    await caughtUp();
    const live = await aliasedIndex(indices);
    expect(live).not.toBe(afterFirstRebuild);
    // One generation left, the one the aliases point at.
    const generations = await elasticsearch.client.indices.get({ index: `${indices.assetsAlias}-*` });
    expect(Object.keys(generations)).toEqual([live]);
    expect(await assetDocuments(indices.assetsAlias)).toEqual(await freshProjection('fresh-2'));
  }, 180_000);
});

function spawn(indices: ElasticsearchIndices): ProjectorProcess {
  const child = ProjectorProcess.spawn(database.url, NAME, 50, { url: elasticsearch.url, prefix: indices.prefix });
  children.push(child);
  return child;
}

async function rebuild(): Promise<void> {
  const request = await requestRebuild(pool, NAME);
  const finished = await eventually(
    async () => {
      const record = await readRebuild(pool, request.id);
      expect(record?.status).toMatch(/done|failed/);
      return record;
    },
    60_000,
    100,
  );
  expect(finished?.error).toBeNull();
}

async function caughtUp(): Promise<void> {
  await eventually(async () => expect((await readLogHead(pool, store, NAME)).firstUnprojected).toBeNull(), 20_000, 100);
}

async function aliasedIndex(indices: ElasticsearchIndices): Promise<string> {
  const aliased = await elasticsearch.client.indices.getAlias({ name: indices.assetsAlias });
  expect(Object.keys(aliased)).toHaveLength(1);
  return Object.keys(aliased)[0] ?? '';
}

/** A tick of heartbeats every 20 ms, from tick `from` on, until stopped. */
function startIngest(from: number): { pause(): Promise<void>; resume(): void; stop(): Promise<void> } {
  let tick = from;
  let paused = false;
  let running = true;
  let idle: () => void = () => undefined;
  const loop = (async () => {
    while (running) {
      if (paused) {
        idle();
        await sleep(20);
        continue;
      }
      await store.appendHeartbeats(fleet.tick(tick++));
      await sleep(20);
    }
  })();
  const control = {
    pause: () => {
      paused = true;
      return new Promise<void>((resolve) => (idle = resolve));
    },
    resume: () => {
      paused = false;
    },
    stop: async () => {
      running = false;
      idle();
      await loop;
    },
  };
  loops.push(control);
  return control;
}

/** Counts the fleet through the alias every 20 ms; a failed count is kept with its message. */
function startSearching(indices: ElasticsearchIndices): { stop(): Promise<{ totals: number[]; failures: string[] }> } {
  const totals: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        totals.push((await elasticsearch.client.count({ index: indices.assetsAlias })).count);
      } catch (error) {
        failures.push((error as Error).message);
      }
      await sleep(20);
    }
  })();
  const control = {
    stop: async () => {
      running = false;
      await loop;
      return { totals, failures };
    },
  };
  loops.push(control);
  return control;
}

/** Every asset document of an alias or index, without Elasticsearch's own fields, by id. */
async function assetDocuments(index: string): Promise<unknown[]> {
  await elasticsearch.client.indices.refresh({ index });
  const response = await elasticsearch.client.search({ index, size: 1000, sort: [{ id: 'asc' }] });
  return response.hits.hits.map((hit) => hit._source);
}

/** The whole log projected now into indices of their own. */
async function freshProjection(name: string): Promise<unknown[]> {
  const client = elasticsearch.client;
  const fresh = new ElasticsearchIndices(`${elasticsearch.prefix}-${name}`);
  const projection = new ElasticsearchAssetsProjection(client, fresh, await ensureElasticsearchSchema(client, fresh));
  for (let after = 0n; ; ) {
    const events = await store.readAll(after, 5000);
    const last = events.at(-1);
    if (!last) break;
    await projection.apply(events);
    after = last.globalPosition;
  }
  return assetDocuments(fresh.assetsAlias);
}
