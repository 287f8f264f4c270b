import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { Client, Pool } from 'pg';
import { EventStore } from '../event-store';
import { runMigrations } from '../migrate';
import { heartbeatFixture } from '../../testing/heartbeat.fixture';
import type { QueryRunner } from 'typeorm';
import { heartbeatInsertParameters, type NewHeartbeat } from '../heartbeat-row';
import { CreateEventLog1764000000000 } from './1764000000000-create-event-log';
import { HeartbeatCategory1764001400000 } from './1764001400000-heartbeat-category';
import { AnnounceStreamAppends1764002100000, STREAM_APPENDED_CHANNEL } from './1764002100000-announce-stream-appends';
import { eventStoreMigrations } from './index';

/** How an earlier release called its append function, with its number of array parameters. */
const earlierRelease = (fn: string, parameters: number): string =>
  `SELECT * FROM ${fn}(${Array.from({ length: parameters }, (_, i) => `$${i + 1}`).join(', ')})`;

/** Where `heartbeatInsertParameters` puts the categories, which the function before 1764001400000 does not take. */
const CATEGORY_PARAMETER = 15;

/** The migration's SQL run on a pooled connection, as TypeORM would run it. */
const runner = { query: (sql: string) => pool.query(sql) } as unknown as QueryRunner;

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new Pool({ connectionString: database.url });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('event log migrations', () => {
  it('moves heartbeats written before partitioning into daily partitions, keeping their positions', async () => {
    await runMigrations(database.url, [CreateEventLog1764000000000]);
    await pool.query(`INSERT INTO events (stream_id, stream_position, type, data) VALUES ('asset-a', 1, 'AssetRegistered', '{}')`);
    await pool.query(`
      INSERT INTO heartbeats (asset_id, dedupe_key, occurred_at, data, metadata)
      VALUES ('a', 't:1', '2026-11-24T23:59:59Z', '{"assetId": "a", "lat": 59.5, "lon": 18.25, "speed": 3}',
              '{"correlationId": "c-1", "source": "ping", "receivedAt": "2026-11-25T00:00:02Z"}'),
             ('a', 't:2', '2026-11-25T00:00:01Z', '{"assetId": "a"}', '{}')`);

    expect(await runMigrations(database.url, eventStoreMigrations)).toEqual([
      'PartitionHeartbeatsByDay1764000200000',
      'AppendHeartbeatsFunction1764000800000',
      'HeartbeatCategory1764001400000',
      'ConcurrentHeartbeatAppends1764001700000',
      'OptimisticHeartbeatAppends1764001900000',
      'AnnounceStreamAppends1764002100000',
    ]);
    const after = await new EventStore(pool).readAll(0n, 10);
    expect(after.map((e) => [e.globalPosition, e.type])).toEqual([
      [1n, 'AssetRegistered'],
      [2n, 'HeartbeatRecorded'],
      [3n, 'HeartbeatRecorded'],
    ]);
    expect(after[1]?.data).toMatchObject({ assetId: 'a', timestamp: '2026-11-24T23:59:59.000Z', lat: 59.5, lon: 18.25, speed: 3 });
    expect(after[1]?.metadata).toEqual({ correlationId: 'c-1', source: 'ping', receivedAt: '2026-11-25T00:00:02.000Z' });
    const partitions = await pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'heartbeats'::regclass ORDER BY 1`,
    );
    expect(partitions.rows.map((r) => r.name)).toEqual(['heartbeats_20261124', 'heartbeats_20261125']);
    expect(await runMigrations(database.url, eventStoreMigrations)).toEqual([]);
  });

  it('keeps the category of heartbeats appended since HeartbeatCategory1764001400000, and still stores through the function before it', async () => {
    await runMigrations(database.url, eventStoreMigrations);
    const store = new EventStore(pool);
    const head = (await store.readAll(0n, 1_000)).length;
    const plane = (timestamp: string, category?: string): NewHeartbeat => {
      const row = heartbeatFixture('cat-plane', timestamp);
      return { ...row, data: { ...row.data, callsign: 'SAS12', ...(category === undefined ? {} : { category }) } };
    };
    await store.appendHeartbeats([plane('2026-11-25T10:00:01.000Z', 'A7'), plane('2026-11-25T10:00:02.000Z')]);
    // What the previous release sends during a rolling update: the function without the category.
    await pool.query(
      earlierRelease('beacon_append_heartbeats', 18),
      heartbeatInsertParameters([plane('2026-11-25T10:00:00.000Z', 'A3')]).filter((_, i) => i !== CATEGORY_PARAMETER),
    );
    const read = (await store.readAll(0n, 1_000)).slice(head).map((e) => e.data);
    expect(read).toEqual([
      plane('2026-11-25T10:00:01.000Z', 'A7').data,
      plane('2026-11-25T10:00:02.000Z').data,
      plane('2026-11-25T10:00:00.000Z').data,
    ]);

    // The release before ConcurrentHeartbeatAppends1764001700000: v2, alone under the exclusive lock.
    await pool.query(
      earlierRelease('beacon_append_heartbeats_v2', 19),
      heartbeatInsertParameters([plane('2026-11-25T10:00:03.000Z', 'A1')]),
    );
    // The release before OptimisticHeartbeatAppends1764001900000: v3, checking every row for a duplicate.
    await pool.query(
      earlierRelease('beacon_append_heartbeats_v3', 19),
      heartbeatInsertParameters([plane('2026-11-25T10:00:04.000Z', 'A2'), plane('2026-11-25T10:00:03.000Z', 'A1')]),
    );
    expect((await store.readAll(0n, 1_000)).slice(head + 3).map((e) => e.data)).toEqual([
      plane('2026-11-25T10:00:03.000Z', 'A1').data,
      plane('2026-11-25T10:00:04.000Z', 'A2').data,
    ]);

    const migration = new HeartbeatCategory1764001400000();
    await migration.down(runner);
    const columns = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'heartbeats'`,
    );
    expect(columns.rows.map((c) => c.column_name)).not.toContain('category');
    await migration.up(runner);
    const again = (await store.readAll(0n, 1_000)).slice(head).map((e) => e.data);
    expect(again).toEqual([
      plane('2026-11-25T10:00:01.000Z').data,
      plane('2026-11-25T10:00:02.000Z').data,
      plane('2026-11-25T10:00:00.000Z').data,
      plane('2026-11-25T10:00:03.000Z').data,
      plane('2026-11-25T10:00:04.000Z').data,
    ]);
  });

  it('announces the stream of every committed lifecycle append, none of a rolled-back one, and stops when migrated down', async () => {
    await runMigrations(database.url, eventStoreMigrations);
    const store = new EventStore(pool);
    const listener = new Client({ connectionString: database.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (notification) => {
      if (notification.channel === STREAM_APPENDED_CHANNEL) heard.push(notification.payload ?? '');
    });
    await listener.query(`LISTEN ${STREAM_APPENDED_CHANNEL}`);
    // Notifications arrive after the commit: a round trip on the listener's own connection lets them land.
    const heardAfterRoundTrip = async () => {
      await listener.query('SELECT 1');
      return [...heard];
    };
    try {
      await store.appendToStreams([
        {
          streamId: 'asset-told-1',
          events: [
            { type: 'AssetRegistered', data: {} },
            { type: 'AssetUpdated', data: {} },
          ],
          expectedVersion: 'no_stream',
        },
        { streamId: 'customer-told', events: [{ type: 'CustomerRegistered', data: {} }], expectedVersion: 'no_stream' },
      ]);
      await pool.query(
        `BEGIN; INSERT INTO events (stream_id, stream_position, type, data) VALUES ('asset-untold', 1, 'AssetRegistered', '{}'); ROLLBACK`,
      );
      await store.appendHeartbeats([heartbeatFixture('told-1', '2026-11-25T11:00:00.000Z')]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await heardAfterRoundTrip()).toEqual(['asset-told-1', 'customer-told']);

      await new AnnounceStreamAppends1764002100000().down(runner);
      await store.append('asset-told-2', [{ type: 'AssetRegistered', data: {} }], { expectedVersion: 'no_stream' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await heardAfterRoundTrip()).toEqual(['asset-told-1', 'customer-told']);
      await new AnnounceStreamAppends1764002100000().up(runner);
    } finally {
      await listener.end();
    }
  });
});
