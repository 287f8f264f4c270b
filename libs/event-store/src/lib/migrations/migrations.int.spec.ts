import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import { EventStore } from '../event-store';
import { runMigrations } from '../migrate';
import { CreateEventLog1764000000000 } from './1764000000000-create-event-log';
import { eventStoreMigrations } from './index';

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
});
