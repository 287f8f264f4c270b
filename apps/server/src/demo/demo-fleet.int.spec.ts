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

async function fleet(test: TestApp, query = '') {
  return (await test.request({ method: 'GET', url: `/api/v1/assets${query}` })).json();
}

describe('demo fleet and restarts', () => {
  it('registers 7 vehicles and 3 aircraft once, moves most of them, and a restart keeps the events without registering twice', async () => {
    let test = await startTestApp({ BEACON_DEMO: 'on' }, database);
    await eventually(async () => {
      const result = await fleet(test);
      expect(result.total).toBe(10);
      expect(result.counts.online).toBe(8);
      expect(result.counts.offline).toBe(2);
      expect((await fleet(test, '?kind=vehicle')).total).toBe(7);
    }, 10_000);
    // The aircraft fly: a callsign and a squawk from their transponders, an altitude of airliners in the air.
    const aircraft = await fleet(test, '?kind=aircraft&sort=id:asc');
    expect(aircraft.items.map((asset: { id: string }) => asset.id)).toEqual(['4ac837', '4ac973', '4ac9b9']);
    for (const asset of aircraft.items) {
      expect(asset).toMatchObject({
        customerName: 'Siris Flygfrakt AB',
        status: 'online',
        onGround: false,
        callsign: expect.stringMatching(/^SRF\d+$/),
      });
      expect(asset.icao24).toBe(asset.id);
      expect(asset.squawk).toMatch(/^[0-7]{4}$/);
      expect(asset.position.altitude).toBeGreaterThan(1_000);
    }
    const before = await countEvents(`SELECT count(*)::int AS n FROM events`);
    await test.close({ drop: false });

    test = await startTestApp({ BEACON_DEMO: 'on' }, database);
    expect(await countEvents(`SELECT count(*)::int AS n FROM events`)).toBe(before);
    expect(await countEvents(`SELECT count(*)::int AS n FROM events WHERE type = 'AssetRegistered'`)).toBe(10);
    // The projection resumes from its checkpoint: a new heartbeat of a silent vehicle shows up.
    await test.request({ method: 'POST', url: '/api/v1/assets/YS2R4X20005399401/heartbeats', headers: adminHeaders });
    await eventually(async () => expect((await fleet(test)).counts.online).toBe(9), 2_000);
    const projected = await countEvents(`SELECT position::int AS n FROM subscription_checkpoints WHERE name = 'assets-read-model'`);
    const last = await countEvents(
      `SELECT greatest((SELECT max(global_position) FROM events), (SELECT max(global_position) FROM heartbeats))::int AS n`,
    );
    await eventually(async () => expect(projected).toBeLessThanOrEqual(last));
    await test.close({ drop: false });
  });
});
