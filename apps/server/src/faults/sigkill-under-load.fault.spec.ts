import { type TestDatabase, createTestDatabase } from '@beacon/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerProcess } from '../testing/server-process';
import { adminHeaders } from '../testing/test-app';
import { registerFleet, sendPings, storedMessages } from '../testing/fault-load';

/**
 * The server killed with SIGKILL while 64 clients send heartbeats: a 202 means durably stored, so
 * every acknowledged heartbeat is in the log after a restart, and a client that re-sends what got
 * no answer finds it stored at most once.
 */
const ASSETS = Array.from({ length: 16 }, (_, i) => `KILL-${i}`);
let database: TestDatabase;
let server: ServerProcess | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await server?.kill('SIGKILL');
  await database.drop();
});

it('keeps every acknowledged heartbeat, and none twice, through a SIGKILL under 64 clients', async () => {
  server = await ServerProcess.start(database.url);
  await registerFleet(server.url, 'kill-test', ASSETS);
  const killed = (async () => {
    await sleep(2000);
    await server?.kill('SIGKILL');
  })();
  const load = await sendPings({ url: server.url, assetIds: ASSETS, clients: 64, until: killed });
  expect(load.unexpected).toEqual([]);
  expect(load.acknowledged.size).toBeGreaterThan(500);

  server = await ServerProcess.start(database.url);
  const stored = await storedMessages(database.url);
  const lost = [...load.acknowledged].filter((key) => !stored.has(key));
  expect(lost).toEqual([]);

  // What got no answer is re-sent, as a device would: stored now, or found already stored.
  for (const key of load.unanswered) {
    const [assetId, messageId] = key.split('/');
    const response = await fetch(`${server.url}/api/v1/assets/${assetId}/heartbeats`, {
      method: 'POST',
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ lat: 59.3, lon: 18.1, messageId }),
    });
    expect(response.status).toBe(202);
  }
  const after = await storedMessages(database.url);
  expect([...after.values()].filter((count) => count > 1)).toEqual([]);
  const sent = new Set([...load.acknowledged, ...load.unanswered]);
  expect([...sent].filter((key) => !after.has(key))).toEqual([]);
  expect([...after.keys()].filter((key) => !sent.has(key))).toEqual([]);
  console.log(`SIGKILL under load: ${load.acknowledged.size} acknowledged, ${load.unanswered.size} unanswered, 0 lost, 0 twice`);
});
