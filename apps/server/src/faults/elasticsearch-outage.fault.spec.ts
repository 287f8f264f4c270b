import {
  createTestDatabase,
  eventually,
  startDedicatedElasticsearch,
  type DedicatedElasticsearch,
  type TestDatabase,
} from '@beacon/testing';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerProcess } from '../testing/server-process';
import { adminHeaders } from '../testing/test-app';
import { registerFleet, sendPings, storedMessages } from '../testing/fault-load';

/**
 * Elasticsearch stopped for 30 s under ingest: ingest does not notice (the log is in PostgreSQL),
 * the projection catches up by itself once Elasticsearch is back, and the read model it leaves is
 * the one a rebuild from the log makes. The node is this test's own (a port of its own): the run's
 * shared node must not stop.
 */
const PORT = 9284;
const OUTAGE_MS = 30_000;
const ASSETS = Array.from({ length: 24 }, (_, i) => `ESDOWN-${i}`);
let database: TestDatabase;
let elasticsearch: DedicatedElasticsearch;
let server: ServerProcess | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  elasticsearch = await startDedicatedElasticsearch(PORT);
}, 180_000);
afterAll(async () => {
  await server?.kill('SIGKILL');
  await elasticsearch?.dispose();
  await database?.drop();
}, 60_000);

const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${server?.url}${path}`, { headers: adminHeaders });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

interface Item {
  id: string;
  lastSeenAt: string | null;
  position: { lat: number; lon: number; timestamp: string } | null;
}
const readModel = async (): Promise<Item[]> =>
  (await get<{ items: Item[] }>('/api/v1/assets?limit=1000&sort=id')).items.map(({ id, lastSeenAt, position }) => ({
    id,
    lastSeenAt,
    position,
  }));

/** Each asset's newest heartbeat, from the log itself. */
async function newestInTheLog(): Promise<Map<string, string>> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query<{ asset_id: string; at: Date }>(
      'SELECT asset_id, max(occurred_at) AS at FROM heartbeats GROUP BY asset_id',
    );
    return new Map(result.rows.map((row) => [row.asset_id, row.at.toISOString()]));
  } finally {
    await client.end();
  }
}

it('keeps ingest going through a 30 s Elasticsearch outage, then catches up to what a rebuild makes', async () => {
  server = await ServerProcess.start(database.url, { BEACON_ELASTICSEARCH_URL: elasticsearch.url });
  await registerFleet(server.url, 'es-outage', ASSETS);
  let backAt = 0;
  const outage = (async () => {
    await sleep(1000);
    await elasticsearch.stop();
    await sleep(OUTAGE_MS);
    await elasticsearch.start();
    backAt = performance.now();
    await sleep(1000);
  })();
  const load = await sendPings({ url: server.url, assetIds: ASSETS, clients: 4, until: outage });
  expect(load.unexpected).toEqual([]);
  expect(load.statuses.get(503) ?? 0).toBe(0); // ingest never depended on Elasticsearch
  expect(load.unanswered.size).toBe(0);
  const stored = await storedMessages(database.url);
  expect([...load.acknowledged].filter((key) => !stored.has(key))).toEqual([]);

  // Caught up: every asset shows its newest heartbeat from the log.
  const newest = await newestInTheLog();
  await eventually(async () => {
    const items = await readModel();
    expect(items.map((item) => [item.id, item.lastSeenAt])).toEqual(ASSETS.map((id) => [id, newest.get(id)]).sort());
  }, 60_000);
  const caughtUpSeconds = (performance.now() - backAt) / 1000;
  const before = await readModel();

  const rebuild = await fetch(`${server.url}/api/v1/admin/projections/assets/rebuild`, { method: 'POST', headers: adminHeaders });
  expect(rebuild.status).toBe(202);
  const { id } = (await rebuild.json()) as { id: string };
  await eventually(
    async () => expect((await get<{ status: string }>(`/api/v1/admin/projections/assets/rebuilds/${id}`)).status).toBe('done'),
    60_000,
  );
  expect(await readModel()).toEqual(before);
  console.log(
    `Elasticsearch down ${OUTAGE_MS / 1000} s: ${load.acknowledged.size} heartbeats acknowledged, 0 refused; ` +
      `read model caught up ${caughtUpSeconds.toFixed(1)} s after the node was healthy, equal to a rebuild`,
  );
});
