import { createTestDatabase, eventually, type TestDatabase } from '@beacon/testing';
import { Client, Pool } from 'pg';
import type { NewHeartbeat } from './heartbeat-row';
import { heartbeatFixture } from './heartbeat.fixture';
import { takeGlobalOrderLock } from './global-order-lock';
import { HeartbeatWriter } from './heartbeat-writer';
import { runMigrations } from './migrate';
import { eventStoreMigrations } from './migrations';

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, eventStoreMigrations);
  pool = new Pool({ connectionString: database.url, max: 10 });
  pool.on('error', () => undefined); // a connection killed on purpose below
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const heartbeat = (assetId: string, second: number, messageId?: string): NewHeartbeat =>
  heartbeatFixture(assetId, new Date(Date.UTC(2026, 10, 25, 12, 0, 0, second * 1000)).toISOString(), messageId);
const countRows = async (assetPrefix: string) =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM heartbeats WHERE asset_id LIKE $1`, [`${assetPrefix}%`])).rows[0]?.n;
const transactionsOf = async (assetPrefix: string) =>
  (await pool.query<{ n: number }>(`SELECT count(DISTINCT xmin::text)::int AS n FROM heartbeats WHERE asset_id LIKE $1`, [`${assetPrefix}%`])).rows[0]?.n;

describe('HeartbeatWriter', () => {
  it('lets 200 concurrent callers share a few transactions, each told about its own rows', async () => {
    const writer = new HeartbeatWriter(pool, { maxBatchRows: 5_000, maxDelayMs: 5 });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => writer.append([heartbeat(`share-${i}`, 1), heartbeat(`share-${i}`, 2)])),
    );
    await writer.close();
    expect(results.every((r) => r.stored.length === 2 && r.stored.every(Boolean))).toBe(true);
    expect(await countRows('share-')).toBe(400);
    expect(await transactionsOf('share-')).toBeLessThanOrEqual(5);
  });

  it('reports re-sent rows as duplicates, also across callers of one flush', async () => {
    const writer = new HeartbeatWriter(pool);
    const [first, second] = await Promise.all([
      writer.append([heartbeat('dup', 1, 'a'), heartbeat('dup', 2)]),
      writer.append([heartbeat('dup', 1, 'a'), heartbeat('dup', 3)]),
    ]);
    expect(first?.stored).toEqual([true, true]);
    expect(second?.stored).toEqual([false, true]);
    expect((await writer.append([heartbeat('dup', 2), heartbeat('dup', 3)])).stored).toEqual([false, false]);
    await writer.close();
  });

  it('rejects every caller of a failed flush, stores none of its rows, and keeps other flushes', async () => {
    const writer = new HeartbeatWriter(pool, { maxDelayMs: 20 });
    const before = writer.append([heartbeat('flush-a', 1)]);
    await before; // its own flush, committed
    const bad = heartbeatFixture('flush-b', 'not a time at all');
    const together = await Promise.allSettled([writer.append([heartbeat('flush-b', 1)]), writer.append([bad])]);
    expect(together.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const after = await writer.append([heartbeat('flush-c', 1)]);
    await writer.close();
    expect(after.stored).toEqual([true]);
    const rows = await pool.query<{ asset_id: string }>(`SELECT asset_id FROM heartbeats WHERE asset_id LIKE 'flush-%' ORDER BY 1`);
    expect(rows.rows.map((r) => r.asset_id)).toEqual(['flush-a', 'flush-c']);
  });

  it('rejects the callers of a flush whose connection dies mid-flush, then serves the next flush', async () => {
    const writer = new HeartbeatWriter(pool);
    // Hold the append lock so the flush waits inside its transaction, then kill its connection.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await takeGlobalOrderLock(blocker);
    const pending = writer.append([heartbeat('killed', 1), heartbeat('killed', 2)]);
    const waiting = await eventually(async () => {
      // On a pool connection: a transaction sees pg_stat_activity as it was at its first look.
      const result = await pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
      );
      if (!result.rows[0]) throw new Error('the flush is not waiting yet');
      return result.rows[0].pid;
    });
    await blocker.query('SELECT pg_terminate_backend($1)', [waiting]);
    await expect(pending).rejects.toThrow();
    await blocker.query('COMMIT');
    await blocker.end();
    expect(await countRows('killed')).toBe(0);
    expect((await writer.append([heartbeat('after-kill', 1)])).stored).toEqual([true]);
    await writer.close();
  });

  it('keeps two flushes out at once, each its own transaction, and sends the next when one ends', async () => {
    const writer = new HeartbeatWriter(pool, { maxDelayMs: 1 });
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await takeGlobalOrderLock(blocker);
    // Asked on a pool connection: a transaction sees pg_stat_activity as it was at its first look.
    const waitingFlushes = async (): Promise<number> =>
      (
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
        )
      ).rows[0]?.n ?? 0;
    const first = writer.append([heartbeat('inflight-1', 1)]);
    await eventually(async () => expect(await waitingFlushes()).toBe(1));
    const second = writer.append([heartbeat('inflight-2', 1)]);
    await eventually(async () => expect(await waitingFlushes()).toBe(2));
    const third = writer.append([heartbeat('inflight-3', 1)]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await waitingFlushes()).toBe(2); // the third waits in the writer, not in PostgreSQL
    await blocker.query('COMMIT');
    await blocker.end();
    const results = await Promise.all([first, second, third]);
    await writer.close();
    expect(results.map((r) => r.stored)).toEqual([[true], [true], [true]]);
    expect(await transactionsOf('inflight-')).toBe(3);
  });

  it('refuses appends after close, once pending ones are flushed', async () => {
    const writer = new HeartbeatWriter(pool, { maxDelayMs: 50 });
    const pending = writer.append([heartbeat('closing', 1)]);
    await writer.close();
    expect((await pending).stored).toEqual([true]);
    await expect(writer.append([heartbeat('closing', 2)])).rejects.toThrow(/closed/);
  });
});
