import { HeartbeatPartitions, type NewHeartbeat } from '@beacon/event-store';
import type { Pool } from 'pg';
import { insertRawInBatches } from '../../lib/raw-insert';
import type { FleetHeartbeats } from './fleet-heartbeats';

/** Each asset reports every 10 s, as a tracker on the move does; the fleet's reports interleave. */
const REPORT_INTERVAL_MS = 10_000;
/** Generated at a time: 1,000,000 heartbeats at once would be a gigabyte of objects. */
const ROWS_PER_CHUNK = 20_000;

/**
 * Appends `count` heartbeats with the raw multi-row INSERT (the event-store benchmark's baseline):
 * the log only needs to hold them, and this stores them several times faster than the writer. The
 * timestamps end a minute before now and step by REPORT_INTERVAL_MS / fleet size, so they increase
 * through the log and every asset's do too.
 */
export async function fillLog(
  pool: Pool,
  heartbeats: FleetHeartbeats,
  fleetSize: number,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const stepMs = REPORT_INTERVAL_MS / fleetSize;
  const startMs = Date.now() - 60_000 - count * stepMs;
  const partitions = new HeartbeatPartitions(pool);
  const receivedAt = new Date().toISOString();
  const client = await pool.connect();
  try {
    for (let stored = 0; stored < count; ) {
      const rows: NewHeartbeat[] = [];
      for (let i = 0; i < ROWS_PER_CHUNK && stored + i < count; i++)
        rows.push(heartbeats.heartbeat(startMs + (stored + i) * stepMs, receivedAt));
      // The first and last row's days: a run just after midnight spans two daily partitions.
      await partitions.ensure([rows[0]?.data.timestamp ?? receivedAt, rows[rows.length - 1]?.data.timestamp ?? receivedAt]);
      await insertRawInBatches(client, rows);
      stored += rows.length;
      if (stored % 200_000 === 0 || stored === count) log(`  stored ${stored.toLocaleString('en-US')} heartbeats`);
    }
    // Hint bits and the visibility map set once here, not by whichever catch-up reads first.
    await client.query('VACUUM (ANALYZE) heartbeats');
  } finally {
    client.release();
  }
}
