import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import { runMigrations } from './migrate';
import { eventStoreMigrations } from './migrations';
import { ConcurrencyError } from './errors';
import { EventStore } from './event-store';
import type { NewHeartbeat } from './heartbeat-row';
import { heartbeatFixture } from '../testing/heartbeat.fixture';
import { beginOrderedAppend } from './global-order-lock';
import { inTransaction } from './transaction';

let database: TestDatabase;
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, eventStoreMigrations);
  pool = new Pool({ connectionString: database.url, max: 30 });
  store = new EventStore(pool);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const event = (n: number) => ({ type: 'Tested', data: { n }, metadata: { correlationId: `c-${n}` } });
const heartbeat = (assetId: string, second: number, messageId?: string): NewHeartbeat =>
  heartbeatFixture(assetId, new Date(Date.UTC(2026, 10, 25, 12, 0, 0, second * 1000)).toISOString(), messageId);

describe('EventStore', () => {
  it('appends to a stream and reads it back in order with its version', async () => {
    const first = await store.append('s-1', [event(1), event(2)], { expectedVersion: 'no_stream' });
    const second = await store.append('s-1', [event(3)], { expectedVersion: 2 });
    expect([first.version, second.version]).toEqual([2, 3]);
    const events = await store.readStream('s-1');
    // Each append reports where its last event landed in the global order: what a reader waits for.
    expect([first.position, second.position]).toEqual([events[1]?.globalPosition, events[2]?.globalPosition]);
    expect(events.map((e) => e.data['n'])).toEqual([1, 2, 3]);
    expect(events[0]?.metadata.correlationId).toBe('c-1');
  });

  it('reads lifecycle events and heartbeats back through readAll exactly as they were appended', async () => {
    const head = await pool.query<{ head: string }>(
      `SELECT greatest((SELECT max(global_position) FROM events), (SELECT max(global_position) FROM heartbeats), 0)::text AS head`,
    );
    const before = Date.now();
    await store.append('round-trip', [{ type: 'Registered', data: { name: 'Bus 7', tags: ['a'] }, metadata: { correlationId: 'rt' } }], {
      expectedVersion: 'no_stream',
    });
    // Quotes, backslashes, commas, braces, the word NULL and multi-byte UTF-8 all travel as they are,
    // as do numbers (negative zero, the largest double), NULLs in every column type, and times
    // before 2000 (PostgreSQL counts microseconds from then) and far ahead.
    const car = heartbeat('rt-car', 1, 'msg "1", \\ {NULL}');
    car.data = { ...car.data, lat: -0, lon: Number.MAX_VALUE, speed: null, heading: null };
    const aircraft = heartbeat('rt-plane', 2);
    aircraft.data = {
      ...aircraft.data,
      altitude: 10_668,
      verticalRate: -5.08,
      onGround: false,
      squawk: '7000',
      callsign: 'SAS 12,3 ✈ Ålesund 🛩',
      category: 'A3',
    };
    const old = heartbeatFixture('rt-old', '1999-12-31T23:59:59.999Z');
    old.data = { ...old.data, onGround: true, battery: 0.07 };
    const far = heartbeatFixture('rt-far', '2199-07-04T01:02:03.004Z');
    far.metadata = { ...far.metadata, receivedAt: '1970-01-01T00:00:00.000Z' };
    await store.appendHeartbeats([car, aircraft, old, far]);

    const read = await store.readAll(BigInt(head.rows[0]?.head ?? '0'), 10);
    expect(read.map((e) => [e.streamId, e.streamPosition, e.type])).toEqual([
      ['round-trip', 1, 'Registered'],
      ['asset-rt-car', null, 'HeartbeatRecorded'],
      ['asset-rt-plane', null, 'HeartbeatRecorded'],
      ['asset-rt-old', null, 'HeartbeatRecorded'],
      ['asset-rt-far', null, 'HeartbeatRecorded'],
    ]);
    expect(read.map((e) => [e.data, e.metadata])).toEqual([
      [{ name: 'Bus 7', tags: ['a'] }, { correlationId: 'rt' }],
      [car.data, car.metadata],
      [aircraft.data, aircraft.metadata],
      [old.data, old.metadata],
      [far.data, far.metadata],
    ]);
    expect(Object.is(read[1]?.data['lat'], -0)).toBe(true);
    for (const event of read) {
      expect(event.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
      expect(event.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    }
    const positions = read.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('reads an event larger than many chunks of the read, between heartbeats, whole', async () => {
    const after = await lastPosition();
    // About 600 KB of JSON: the binary COPY arrives in chunks of 64 KB, so this one spans ten.
    const stops = Array.from({ length: 12_000 }, (_, i) => ({ stop: `Hållplats ${i} ✈`, at: i }));
    await store.appendHeartbeats([heartbeat('big-before', 1)]);
    await store.append('big', [{ type: 'RoutePlanned', data: { stops }, metadata: { correlationId: 'big' } }], {
      expectedVersion: 'no_stream',
    });
    await store.appendHeartbeats([heartbeat('big-after', 1)]);
    const read = await store.readAll(after, 10);
    expect(read.map((e) => e.streamId)).toEqual(['asset-big-before', 'big', 'asset-big-after']);
    expect(read[1]?.data).toEqual({ stops });
  });

  it('lets exactly one of 20 racers with the same expected version win', async () => {
    await store.append('race', [event(0)], { expectedVersion: 'no_stream' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.append('race', [event(i)], { expectedVersion: 1 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.streamVersion('race')).toBe(2);
  });

  it('appends to several streams atomically: a stale version on one stores nothing on any', async () => {
    await expect(
      store.appendToStreams([
        { streamId: 'multi-a', events: [event(1)], expectedVersion: 'no_stream' },
        { streamId: 'multi-b', events: [event(2)], expectedVersion: 5 },
      ]),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream('multi-a')).toEqual([]);
  });

  it('stores a heartbeat once: re-sent batches and repeats inside a batch are reported, not stored', async () => {
    const batch = [heartbeat('dup-1', 1), heartbeat('dup-1', 2, 'm-7'), heartbeat('dup-1', 1)];
    expect((await store.appendHeartbeats(batch)).stored).toEqual([true, true, false]);
    expect((await store.appendHeartbeats(batch)).stored).toEqual([false, false, false]);
    const count = await pool.query(`SELECT count(*)::int AS n FROM heartbeats WHERE asset_id = 'dup-1'`);
    expect(count.rows[0].n).toBe(2);
  });

  it('tells new from already stored in a mixed batch: by time, by message id at another time of the day, first of a repeat', async () => {
    await store.appendHeartbeats([heartbeat('mix-1', 1), heartbeat('mix-2', 1, 'm-1')]);
    const batch = [
      heartbeat('mix-1', 1), // stored before
      heartbeat('mix-1', 2),
      heartbeat('mix-2', 30, 'm-1'), // the same message id, later the same day: stored before
      heartbeat('mix-2', 31, 'm-2'),
      heartbeat('mix-2', 32, 'm-2'), // a repeat inside the batch
      heartbeat('mix-3', 1),
    ];
    expect((await store.appendHeartbeats(batch)).stored).toEqual([false, true, false, true, false, true]);
    const rows = await pool.query(`SELECT asset_id, dedupe_key FROM heartbeats WHERE asset_id LIKE 'mix-%' ORDER BY global_position`);
    expect(rows.rows.map((r) => `${r.asset_id} ${r.dedupe_key}`)).toEqual([
      `mix-1 t:${heartbeat('mix-1', 1).data.timestamp}`,
      'mix-2 m:m-1',
      `mix-1 t:${heartbeat('mix-1', 2).data.timestamp}`,
      'mix-2 m:m-2',
      `mix-3 t:${heartbeat('mix-3', 1).data.timestamp}`,
    ]);
  });

  it('tells new from already stored the same way whether it inserts plainly first or expects duplicates (decision 044)', async () => {
    await new EventStore(pool).appendHeartbeats([heartbeat('either-1', 1)]);
    const batch = (n: number) => [
      heartbeat('either-1', 1),
      heartbeat(`either-${n}`, 1),
      heartbeat(`either-${n}`, 1),
      heartbeat(`either-${n}`, 2),
    ];
    // A fresh store inserts plainly, meets the stored row at the start, and checks row by row.
    const fresh = new EventStore(pool);
    expect((await fresh.appendHeartbeats(batch(2))).stored).toEqual([false, true, false, true]);
    // Having met a duplicate, it expects more and checks row by row at once.
    expect((await fresh.appendHeartbeats(batch(3))).stored).toEqual([false, true, false, true]);
    expect((await fresh.appendHeartbeats([heartbeat('either-4', 1)])).stored).toEqual([true]);
    const rows = await pool.query(`SELECT asset_id, dedupe_key FROM heartbeats WHERE asset_id LIKE 'either-%' ORDER BY global_position`);
    expect(rows.rows.map((r) => r.asset_id)).toEqual(['either-1', 'either-2', 'either-2', 'either-3', 'either-3', 'either-4']);
  });

  it('stores a batch sent by several writers at once exactly once, and tells exactly one of them each row was new', async () => {
    const batch = Array.from({ length: 300 }, (_, i) => heartbeat(`race-${i % 7}`, i));
    // Each writer its own store, so each tries a plain insert first.
    const results = await Promise.all(Array.from({ length: 4 }, () => new EventStore(pool).appendHeartbeats(batch)));
    const newPerRow = batch.map((_, i) => results.filter((r) => r.stored[i]).length);
    expect(newPerRow).toEqual(batch.map(() => 1));
    const count = await pool.query(`SELECT count(*)::int AS n FROM heartbeats WHERE asset_id LIKE 'race-%'`);
    expect(count.rows[0].n).toBe(300);
  });

  it('rolls back a failed heartbeat batch whole, leaving other batches stored', async () => {
    const good = [heartbeat('fail-1', 1)];
    // PostgreSQL refuses a NUL character in text, after the batch's first row is written.
    const bad = [heartbeat('fail-2', 1), heartbeat('fail-2', 2, 'nul \u0000 inside')];
    const [goodResult, badResult] = await Promise.allSettled([store.appendHeartbeats(good), store.appendHeartbeats(bad)]);
    expect(goodResult.status).toBe('fulfilled');
    expect(badResult.status).toBe('rejected');
    const rows = await pool.query(`SELECT asset_id FROM heartbeats WHERE asset_id LIKE 'fail-%'`);
    expect(rows.rows.map((r) => r.asset_id)).toEqual(['fail-1']);
  });

  it('reads 100,000 events from 8 concurrent writers in increasing global position, missing none that commits late', async () => {
    const start = await lastPosition();
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let b = 0; b < 25; b++) {
          if (b % 5 === 0) await store.append(`gap-${w}`, [event(b)], { expectedVersion: 'any' });
          else await store.appendHeartbeats(Array.from({ length: 625 }, (_, i) => heartbeat(`gap-${w}`, b * 625 + i)));
        }
      })(),
    );
    // A writer that holds its transaction open for a second while heartbeat flushes commit beside it.
    const slow = inTransaction(pool, async (client) => {
      await beginOrderedAppend(client, { exclusive: false });
      await client.query(`INSERT INTO events (stream_id, stream_position, type, data) VALUES ('slow', 1, 'Slow', '{}')`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    const seen = await readWhile(start, Promise.all([...writers, slow]));
    const committed = await pool.query<{ p: string }>(
      `SELECT global_position AS p FROM events WHERE global_position > $1
       UNION ALL SELECT global_position FROM heartbeats WHERE global_position > $1 ORDER BY 1`,
      [start.toString()],
    );
    expect(committed.rows).toHaveLength(8 * (5 + 20 * 625) + 1);
    // Compared as one string: a 100,000-element diff would drown the report.
    expect(seen.join(',')).toBe(committed.rows.map((r) => r.p).join(','));
  });

  it('misses nothing while flushes that meet a duplicate roll back their plain insert and store again', async () => {
    const start = await lastPosition();
    const writers = Array.from({ length: 4 }, (_, w) =>
      (async () => {
        for (let b = 0; b < 20; b++) {
          const rows = Array.from({ length: 400 }, (_, i) => heartbeat(`again-${w}`, b * 400 + i));
          // Every other batch carries, in its middle, the last row of the writer's batch before: the
          // plain insert fails there, after drawing positions for the rows before it. A fresh store
          // tries plainly each time.
          if (b % 2 === 1) rows.splice(200, 0, heartbeat(`again-${w}`, b * 400 - 1));
          await new EventStore(pool).appendHeartbeats(rows);
        }
      })(),
    );
    const seen = await readWhile(start, Promise.all(writers));
    const committed = await pool.query<{ p: string }>(`SELECT global_position AS p FROM heartbeats WHERE global_position > $1 ORDER BY 1`, [
      start.toString(),
    ]);
    expect(committed.rows).toHaveLength(4 * 20 * 400);
    expect(seen.join(',')).toBe(committed.rows.map((r) => r.p).join(','));
  });

  it('hides what an append in flight would pass over until it ends, and lets heartbeat flushes commit beside it', async () => {
    const start = await lastPosition();
    const early = await pool.connect();
    try {
      // An append that drew its position first, and commits last.
      await early.query('BEGIN');
      await beginOrderedAppend(early, { exclusive: false });
      await early.query(`INSERT INTO events (stream_id, stream_position, type, data) VALUES ('early', 1, 'Early', '{}')`);
      // A flush that draws after it does not wait for it: with the lock of decision 001 it did.
      const late = await Promise.race([
        store.appendHeartbeats([heartbeat('late', 1)]),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000)),
      ]);
      expect(late).toEqual({ stored: [true] });
      expect(await lastPosition()).toBe(start + 2n);
      // The late heartbeat is committed, but reading it would step over the early event.
      expect(await store.readAll(start, 100)).toEqual([]);
      await early.query('COMMIT');
    } finally {
      early.release();
    }
    expect((await store.readAll(start, 100)).map((e) => e.type)).toEqual(['Early', 'HeartbeatRecorded']);
  });

  it('holds readers back only while an append is in flight, and reads past one that rolled back', async () => {
    const start = await lastPosition();
    await inTransaction(pool, async (client) => {
      await beginOrderedAppend(client, { exclusive: false });
      // It could still draw a position below the heartbeat's: until it ends, the heartbeat waits.
      await store.appendHeartbeats([heartbeat('beside-idle', 1)]);
      expect(await store.readAll(start, 100)).toEqual([]);
    });
    expect((await store.readAll(start, 100)).map((e) => e.streamId)).toEqual(['asset-beside-idle']);
    const rolledBack = await pool.connect();
    try {
      await rolledBack.query('BEGIN');
      await beginOrderedAppend(rolledBack, { exclusive: false });
      await rolledBack.query(`INSERT INTO events (stream_id, stream_position, type, data) VALUES ('gone', 1, 'Gone', '{}')`);
      await rolledBack.query('ROLLBACK');
    } finally {
      rolledBack.release();
    }
    await store.appendHeartbeats([heartbeat('after-gap', 1)]);
    expect((await store.readAll(start, 100)).map((e) => e.streamId)).toEqual(['asset-beside-idle', 'asset-after-gap']);
  });

  it('reads exactly up to an append in flight once positions need more than 32 bits', async () => {
    // A marker's key is two int4s; here the low half no longer fits in a signed one, the high half is 1.
    const start = 2n ** 32n + 2n ** 31n + 10n;
    await pool.query(`SELECT setval('event_global_position', $1)`, [start.toString()]);
    await store.appendHeartbeats([heartbeat('before-wide', 1)]);
    const early = await pool.connect();
    try {
      await early.query('BEGIN');
      await beginOrderedAppend(early, { exclusive: false });
      await early.query(`INSERT INTO events (stream_id, stream_position, type, data) VALUES ('early-wide', 1, 'Early', '{}')`);
      await store.appendHeartbeats([heartbeat('late-wide', 1)]);
      // Up to the marker, not a position further on either side.
      expect((await store.readAll(start, 100)).map((e) => e.globalPosition)).toEqual([start + 1n]);
      await early.query('COMMIT');
    } finally {
      early.release();
    }
    expect((await store.readAll(start, 100)).map((e) => e.globalPosition)).toEqual([start + 1n, start + 2n, start + 3n]);
  });

  it('refuses to read the log from a REPEATABLE READ transaction, whose snapshot the horizon cannot follow', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await expect(store.readAll(0n, 1, client)).rejects.toThrow(/READ COMMITTED/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('pages through the log with reads ahead, giving exactly what readAll gives, in order', async () => {
    const start = await lastPosition();
    for (let batch = 0; batch < 5; batch++) {
      await store.append(`paged-${batch}`, [event(batch)], { expectedVersion: 'no_stream' });
      await store.appendHeartbeats(Array.from({ length: 611 }, (_, i) => heartbeat(`paged-asset-${batch}`, i)));
    }
    const expected = (await store.readAll(start, 100_000)).map((e) => `${e.globalPosition}:${e.type}`);
    const paged: string[] = [];
    let pages = 0;
    for await (const page of store.readAllPages(start, 250)) {
      pages++;
      expect(page.length).toBeLessThanOrEqual(250);
      for (const e of page) paged.push(`${e.globalPosition}:${e.type}`);
    }
    expect(expected).toHaveLength(5 * 612);
    expect(paged).toEqual(expected);
    expect(pages).toBe(Math.ceil((5 * 612) / 250));
  });

  it('lets a reader stop paging early without leaving a failure behind', async () => {
    const pages = store.readAllPages(0n, 10);
    const first = await pages.next();
    expect(first.value).toHaveLength(10);
    await pages.return(undefined);
    expect((await pages.next()).done).toBe(true);
  });
});

/**
 * The positions a follower reads after `start` while `writing` runs, and until it has read up to the
 * last committed position once `writing` has ended.
 */
async function readWhile(start: bigint, writing: Promise<unknown>): Promise<bigint[]> {
  const seen: bigint[] = [];
  let done = false;
  const all = writing.finally(() => (done = true));
  let after = start;
  while (!done || (await lastPosition()) > after) {
    const batch = await store.readAll(after, 997);
    for (const e of batch) seen.push(e.globalPosition);
    after = batch.at(-1)?.globalPosition ?? after;
    if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await all;
  return seen;
}

async function lastPosition(): Promise<bigint> {
  const result = await pool.query<{ p: string | null }>(
    `SELECT greatest((SELECT max(global_position) FROM events), (SELECT max(global_position) FROM heartbeats)) AS p`,
  );
  return BigInt(result.rows[0]?.p ?? 0);
}
