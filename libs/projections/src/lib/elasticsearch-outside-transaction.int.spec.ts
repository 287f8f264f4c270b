import { EventStore, eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { aliasesOf, ElasticsearchAssetsProjection, ElasticsearchIndices, ensureElasticsearchSchema } from '@beacon/read-models';
import { createTestDatabase, createTestElasticsearch, eventually, type TestDatabase, type TestElasticsearch } from '@beacon/testing';
import { Client } from '@elastic/elasticsearch';
import { createServer, request, type Server } from 'node:http';
import { Pool } from 'pg';
import { MovingFleet } from '../testing/moving-fleet';
import { projectionMigrations } from './migrations';
import { Projector } from './projector';

/**
 * While the projector waits for Elasticsearch, it holds no PostgreSQL transaction open: a slow or
 * stuck Elasticsearch must not keep locks (the checkpoint's row) or a connection idle in a
 * transaction, which PostgreSQL's idle-in-transaction timeout would end.
 */
let database: TestDatabase;
let pool: Pool;
let store: EventStore;
let elasticsearch: TestElasticsearch;
let projector: Projector | null = null;
let slowProxy: Server;
/** Lets the held bulk write go on; only the first one is held, and only once released. */
let releaseBulk: (() => void) | null = null;
let bulkWaiting = false;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...projectionMigrations]);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
  elasticsearch = await createTestElasticsearch();
  // An HTTP proxy in front of Elasticsearch that holds every bulk write until told to let it go.
  const target = new URL(elasticsearch.url);
  slowProxy = createServer((incoming, outgoing) => {
    const forward = () => {
      const upstream = request(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      // Elasticsearch going away at the end of the run must not become an unhandled error here.
      upstream.on('error', () => outgoing.destroy());
      incoming.pipe(upstream);
    };
    if (incoming.url?.includes('_bulk') && releaseBulk === null) {
      bulkWaiting = true;
      let released = false;
      releaseBulk = () => {
        if (released) return;
        released = true;
        bulkWaiting = false;
        forward();
      };
    } else {
      forward();
    }
  });
  await new Promise<void>((resolve) => slowProxy.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  releaseBulk?.();
  await projector?.stop();
  await new Promise((resolve) => slowProxy.close(resolve));
  await elasticsearch?.dispose();
  await pool?.end();
  await database?.drop();
});

async function sessionsIdleInTransaction(): Promise<number> {
  const result = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
  );
  return Number(result.rows[0]?.n);
}

it('holds no PostgreSQL transaction open while an Elasticsearch write is pending', async () => {
  const address = slowProxy.address();
  if (!address || typeof address === 'string') throw new Error('no proxy address');
  const client = new Client({ node: `http://127.0.0.1:${address.port}` });
  const indices = new ElasticsearchIndices(`${elasticsearch.prefix}-tx`);
  await ensureElasticsearchSchema(elasticsearch.client, indices);
  const fleet = new MovingFleet(store, 'van', 5);
  await fleet.register();
  await store.appendHeartbeats(fleet.tick(0));
  projector = new Projector({
    pool,
    store,
    name: 'outside-tx',
    projection: new ElasticsearchAssetsProjection(client, indices, aliasesOf(indices)),
    batchSize: 100,
  });
  await projector.start();

  await eventually(() => expect(bulkWaiting).toBe(true), 10_000);
  await new Promise((resolve) => setTimeout(resolve, 300)); // the projector now waits for Elasticsearch
  expect(await sessionsIdleInTransaction()).toBe(0);

  releaseBulk?.();
  await eventually(async () => expect(projector?.status().checkpoint).toBeGreaterThan(0n), 10_000);
  await client.close();
});
