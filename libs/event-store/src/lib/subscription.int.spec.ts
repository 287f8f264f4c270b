import { createTestDatabase, eventually, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import { runMigrations } from './migrate';
import { eventStoreMigrations } from './migrations';
import { EventStore } from './event-store';
import { Subscription } from './subscription';

let database: TestDatabase;
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, eventStoreMigrations);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
  await pool.query('CREATE TABLE applied (n integer PRIMARY KEY)');
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const appendNumbers = (from: number, to: number) =>
  store.append(
    'numbers',
    Array.from({ length: to - from + 1 }, (_, i) => ({ type: 'Numbered', data: { n: from + i } })),
    { expectedVersion: 'any' },
  );

describe('Subscription', () => {
  it('is woken by new events, and after a crash mid-batch resumes from its checkpoint with nothing missed', async () => {
    await appendNumbers(1, 250);
    let crashes = 0;
    const crashing = new Subscription(pool, store, {
      name: 'numbers',
      batchSize: 100,
      pollIntervalMs: 60_000,
      handle: async (events, client) => {
        for (const e of events) {
          // The handler's writes share the checkpoint's transaction: a crash undoes both.
          await client.query('INSERT INTO applied (n) VALUES ($1)', [e.data['n']]);
          if (e.data['n'] === 150) {
            crashes++;
            throw new Error('crash in the middle of a batch');
          }
        }
      },
    });
    await crashing.start();
    await eventually(() => expect(crashes).toBeGreaterThan(0));
    await crashing.stop();
    expect(await appliedCount()).toBe(100);

    const resumed = new Subscription(pool, store, {
      name: 'numbers',
      batchSize: 100,
      pollIntervalMs: 60_000, // only NOTIFY can wake it in time
      handle: async (events, client) => {
        for (const e of events) await client.query('INSERT INTO applied (n) VALUES ($1)', [e.data['n']]);
      },
    });
    await resumed.start();
    await eventually(async () => expect(await appliedCount()).toBe(250));
    await appendNumbers(251, 260);
    await eventually(async () => expect(await appliedCount()).toBe(260), 3_000);
    await resumed.stop();
    const max = await pool.query('SELECT max(n)::int AS n, count(DISTINCT n)::int AS d FROM applied');
    expect(max.rows[0]).toEqual({ n: 260, d: 260 });
  });
});

async function appliedCount(): Promise<number> {
  return (await pool.query('SELECT count(*)::int AS n FROM applied')).rows[0].n;
}
