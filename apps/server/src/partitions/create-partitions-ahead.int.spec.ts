import { ensureHeartbeatPartitions } from '@beacon/event-store';
import { eventually } from '@beacon/testing';
import { Client, Pool } from 'pg';
import { adminHeaders, migratedTestDatabase, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';
import { CreatePartitionsAhead } from './create-partitions-ahead.service';

async function partitionDays(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'heartbeats'::regclass`,
    );
    return result.rows.map(({ name }) => `${name.slice(11, 15)}-${name.slice(15, 17)}-${name.slice(17, 19)}`).sort();
  } finally {
    await client.end();
  }
}

describe('heartbeat partitions made ahead of time', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ BEACON_HEARTBEAT_MAX_AGE_DAYS: '3' }, await migratedTestDatabase());
  });
  afterAll(() => test.close());

  it('exist for the accepted window up to tomorrow before any heartbeat arrives', async () => {
    const window = CreatePartitionsAhead.window(new Date(), 3);
    expect(window).toHaveLength(5);
    await eventually(async () => expect(await partitionDays(test.databaseUrl)).toEqual(window));
  });

  it('reach back a month at most, however long the accepted window', () => {
    const window = CreatePartitionsAhead.window(new Date('2026-03-10T12:00:00Z'), 1000);
    expect([window[0], window.at(-1), window.length]).toEqual(['2026-02-07', '2026-03-11', 33]);
  });

  it('give up on a lock they cannot get at once, and never hold heartbeats up while they wait', async () => {
    await registerVehicle(test, 'PART-1');
    const longInsert = new Client({ connectionString: test.databaseUrl });
    await longInsert.connect();
    await longInsert.query('BEGIN');
    await longInsert.query('LOCK TABLE heartbeats IN ROW EXCLUSIVE MODE'); // as an insert still running does
    const pool = new Pool({ connectionString: test.databaseUrl, max: 2 });
    try {
      const creating = ensureHeartbeatPartitions(pool, ['2031-01-01']).then(
        () => 'created',
        (error: { code?: string }) => error.code,
      );
      await new Promise((resolve) => setTimeout(resolve, 50)); // the DDL is now waiting for its lock
      const started = performance.now();
      const ping = await test.request({
        method: 'POST',
        url: '/api/v1/assets/PART-1/heartbeats',
        headers: adminHeaders,
        payload: { lat: 59.3, lon: 18.1 },
      });
      expect(ping.statusCode).toBe(202);
      expect(performance.now() - started).toBeLessThan(500);
      expect(await creating).toBe('55P03');
    } finally {
      await longInsert.query('ROLLBACK');
      await longInsert.end();
      await pool.end();
    }
    const later = new Pool({ connectionString: test.databaseUrl, max: 1 });
    await ensureHeartbeatPartitions(later, ['2031-01-01']).finally(() => later.end());
    expect(await partitionDays(test.databaseUrl)).toContain('2031-01-01');
  });
});
