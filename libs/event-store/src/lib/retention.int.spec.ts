import { createTestDatabase, type TestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import { EventStore } from './event-store';
import type { NewHeartbeat } from './heartbeat-row';
import { heartbeatFixture } from '../testing/heartbeat.fixture';
import { dropExpiredHeartbeatPartitions } from './heartbeat-partitions';
import { runMigrations } from './migrate';
import { eventStoreMigrations } from './migrations';

let database: TestDatabase;
let pool: Pool;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url, eventStoreMigrations);
  pool = new Pool({ connectionString: database.url });
  store = new EventStore(pool);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const NOW = new Date('2026-11-25T10:00:00.000Z');
const heartbeatAt = (assetId: string, iso: string): NewHeartbeat => heartbeatFixture(assetId, iso);
const partitions = async () =>
  (
    await pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'heartbeats'::regclass ORDER BY 1`,
    )
  ).rows.map((r) => r.name);

describe('heartbeat retention', () => {
  it('drops whole expired daily partitions and keeps lifecycle events and younger heartbeats', async () => {
    await store.append('asset-a1', [{ type: 'AssetRegistered', data: { assetId: 'a1' } }], { expectedVersion: 'no_stream' });
    await store.appendHeartbeats([
      heartbeatAt('a1', '2026-10-01T08:00:00.000Z'),
      heartbeatAt('a1', '2026-11-17T23:59:59.999Z'),
      heartbeatAt('a1', '2026-11-18T00:00:00.000Z'),
      heartbeatAt('a1', '2026-11-25T09:59:00.000Z'),
    ]);
    expect(await partitions()).toEqual(['heartbeats_20261001', 'heartbeats_20261117', 'heartbeats_20261118', 'heartbeats_20261125']);

    // 7 days before 2026-11-25T10:00 is 2026-11-18T10:00: days that ended by then go.
    const dropped = await dropExpiredHeartbeatPartitions(pool, 7, NOW);
    expect(dropped.map((d) => d.day)).toEqual(['2026-10-01', '2026-11-17']);
    expect(await partitions()).toEqual(['heartbeats_20261118', 'heartbeats_20261125']);

    const all = await store.readAll(0n, 100);
    expect(all.map((e) => e.type)).toEqual(['AssetRegistered', 'HeartbeatRecorded', 'HeartbeatRecorded']);
    expect(await dropExpiredHeartbeatPartitions(pool, 7, NOW)).toEqual([]);
  });

  it('recreates a partition that retention dropped when a late heartbeat for that day arrives', async () => {
    const writerStore = new EventStore(pool);
    await writerStore.appendHeartbeats([heartbeatAt('a2', '2026-11-20T12:00:00.000Z')]);
    await pool.query('DROP TABLE heartbeats_20261120');
    // This store still believes the partition exists; the insert must notice and create it again.
    expect((await writerStore.appendHeartbeats([heartbeatAt('a2', '2026-11-20T13:00:00.000Z')])).stored).toEqual([true]);
  });
});
