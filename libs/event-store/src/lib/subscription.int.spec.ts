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

describe('Subscription retries', () => {
  it('pauses between failed batches for doubling, capped times, reports each streak and the recovery', async () => {
    await store.append('retried', [{ type: 'Numbered', data: { n: 1 } }], { expectedVersion: 'any' });
    const attempts: number[] = [];
    const streaks: { failures: number; retryInMs: number }[] = [];
    const recovered: number[] = [];
    const batches: { count: number; full: boolean }[] = [];
    const retried = new Subscription(pool, store, {
      name: 'retried',
      batchSize: 1000,
      retry: { initialMs: 50, maxMs: 200 },
      handle: async () => {
        attempts.push(performance.now());
        if (attempts.length <= 5) throw new Error('store down');
      },
      onError: (_error, streak) => void (streak && streaks.push(streak)),
      onRecover: (failures) => void recovered.push(failures),
      onBatch: (batch) => void batches.push({ count: batch.events.length, full: batch.full }),
    });
    await retried.start();
    await eventually(() => expect(recovered).toEqual([5]));
    await retried.stop();

    expect(streaks).toEqual([50, 100, 200, 200, 200].map((retryInMs, i) => ({ failures: i + 1, retryInMs })));
    const pauses = attempts.slice(1).map((at, i) => at - (attempts[i] ?? 0));
    pauses.forEach((pause, i) => expect(pause).toBeGreaterThanOrEqual((streaks[i]?.retryInMs ?? 0) - 5));
    expect(batches.at(-1)?.full).toBe(false);
    expect(batches.reduce((n, b) => n + b.count, 0)).toBeGreaterThan(0);
  }, 10_000);

  it('stops at once in the middle of a long backoff', async () => {
    const stuck = new Subscription(pool, store, {
      name: 'stuck',
      retry: { initialMs: 60_000 },
      handle: () => Promise.reject(new Error('store down')),
    });
    await stuck.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = performance.now();
    await stuck.stop();
    expect(performance.now() - stopping).toBeLessThan(1_000);
  });
});

async function appliedCount(): Promise<number> {
  return (await pool.query('SELECT count(*)::int AS n FROM applied')).rows[0].n;
}
