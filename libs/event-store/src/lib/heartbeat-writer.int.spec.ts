import { createTestDatabase, eventually, type TestDatabase } from '@beacon/testing';
import { Client, Pool } from 'pg';
import type { NewHeartbeat } from './heartbeat-row';
import { heartbeatFixture } from '../testing/heartbeat.fixture';
import { beginOrderedAppend } from './global-order-lock';
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
  (
    await pool.query<{ n: number }>(`SELECT count(DISTINCT xmin::text)::int AS n FROM heartbeats WHERE asset_id LIKE $1`, [
      `${assetPrefix}%`,
    ])
  ).rows[0]?.n;

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

  it('starts a flush at the end of the turn while a slot is free, with no timer; an append of a later turn takes the other slot', async () => {
    const flushedRows: number[] = [];
    const writer = new HeartbeatWriter(pool, { onFlush: (flush) => flushedRows.push(flush.rows) });
    const sameTurn = [writer.append([heartbeat('turn-a', 1), heartbeat('turn-b', 1)]), writer.append([heartbeat('turn-c', 1)])];
    await new Promise((resolve) => setImmediate(resolve)); // queued after the writer's own: its flush is out by now
    const laterTurn = writer.append([heartbeat('turn-d', 1)]);
    await Promise.all([...sameTurn, laterTurn]);
    await writer.close();
    expect(flushedRows.sort()).toEqual([1, 3]);
    expect(await transactionsOf('turn-')).toBe(2);
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

  it("refuses only the rows whose data PostgreSQL cannot take, and stores everyone else's rows of the flush", async () => {
    const flushes: { rows: number; error?: unknown }[] = [];
    const watched = new HeartbeatWriter(pool, { maxDelayMs: 20, onFlush: (flush) => flushes.push(flush) });
    const nul = heartbeat('iso-c', 2, 'has\u0000nul');
    const [a, b, c, d] = await Promise.all([
      watched.append([heartbeat('iso-a', 1)]),
      watched.append([heartbeatFixture('iso-b', 'not a time at all')]),
      watched.append([heartbeat('iso-c', 1), nul, heartbeat('iso-c', 3)]),
      watched.append([heartbeatFixture('iso-d', '0000-01-01T00:00:00.000Z'), heartbeat('iso-d', 1)]),
    ]);
    expect(a).toEqual({ stored: [true], refused: [] });
    expect(b?.stored).toEqual([false]);
    expect(b?.refused).toEqual([{ index: 0, reason: expect.stringMatching(/not an ISO-8601 time/) }]);
    expect(c?.stored).toEqual([true, false, true]);
    expect(c?.refused).toEqual([{ index: 1, reason: expect.stringMatching(/0x00/) }]);
    expect(d?.stored).toEqual([false, true]);
    expect(d?.refused).toEqual([{ index: 0, reason: expect.stringMatching(/out of range/) }]);
    expect(flushes).toHaveLength(1); // one flush, isolated inside; none failed as a whole
    expect(flushes[0]?.error).toBeUndefined();
    await watched.close();
    const rows = await pool.query<{ asset_id: string; n: number }>(
      `SELECT asset_id, count(*)::int AS n FROM heartbeats WHERE asset_id LIKE 'iso-%' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { asset_id: 'iso-a', n: 1 },
      { asset_id: 'iso-c', n: 2 },
      { asset_id: 'iso-d', n: 1 },
    ]);
  });

  it('still tells duplicates apart when a flush is halved around a bad row', async () => {
    const writer = new HeartbeatWriter(pool, { maxDelayMs: 20 });
    const [first, second] = await Promise.all([
      writer.append([heartbeat('iso-dup', 1, 'x'), heartbeatFixture('iso-dup', 'never')]),
      writer.append([heartbeat('iso-dup', 1, 'x'), heartbeat('iso-dup', 2)]),
    ]);
    await writer.close();
    expect(first).toEqual({ stored: [true, false], refused: [{ index: 1, reason: expect.any(String) }] });
    expect(second).toEqual({ stored: [false, true], refused: [] });
  });

  it('rejects the callers of a flush whose connection dies mid-flush, then serves the next flush', async () => {
    const writer = new HeartbeatWriter(pool);
    // Hold the append lock so the flush waits inside its transaction, then kill its connection.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await beginOrderedAppend(blocker, { exclusive: true });
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
    await beginOrderedAppend(blocker, { exclusive: true });
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
