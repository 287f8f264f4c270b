import { eventually, type TestDatabase } from '@beacon/testing';
import { Client } from 'pg';
import { adminHeaders, migratedTestDatabase, startTestApp, type TestApp } from '../testing/test-app';

let database: TestDatabase;

beforeAll(async () => {
  database = await migratedTestDatabase();
});
afterAll(() => database.drop());

const countEvents = async (sql: string): Promise<number> => {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0].n;
  } finally {
    await client.end();
  }
};

async function fleet(test: TestApp) {
  return (await test.request({ method: 'GET', url: '/api/v1/assets' })).json();
}

describe('demo fleet and restarts', () => {
  it('registers 7 vehicles once, moves most of them, and a restart keeps the events without registering twice', async () => {
    let test = await startTestApp({ BEACON_DEMO: 'on' }, database);
    await eventually(async () => {
      const result = await fleet(test);
      expect(result.total).toBe(7);
      expect(result.counts.online).toBe(5);
      expect(result.counts.offline).toBe(2);
    }, 10_000);
    const before = await countEvents(`SELECT count(*)::int AS n FROM events`);
    await test.close({ drop: false });

    test = await startTestApp({ BEACON_DEMO: 'on' }, database);
    expect(await countEvents(`SELECT count(*)::int AS n FROM events`)).toBe(before);
    expect(await countEvents(`SELECT count(*)::int AS n FROM events WHERE type = 'AssetRegistered'`)).toBe(7);
    // The projection resumes from its checkpoint: a new heartbeat of a silent vehicle shows up.
    await test.request({ method: 'POST', url: '/api/v1/assets/YS2R4X20005399401/heartbeats', headers: adminHeaders });
    await eventually(async () => expect((await fleet(test)).counts.online).toBe(6), 2_000);
    const projected = await countEvents(`SELECT position::int AS n FROM subscription_checkpoints WHERE name = 'assets-read-model'`);
    const last = await countEvents(
      `SELECT greatest((SELECT max(global_position) FROM events), (SELECT max(global_position) FROM heartbeats))::int AS n`,
    );
    await eventually(async () => expect(projected).toBeLessThanOrEqual(last));
    await test.close({ drop: false });
  });
});
