import { HEARTBEAT_PLAIN_INSERT_SQL, HeartbeatPartitions, heartbeatInsertParameters, type NewHeartbeat } from '@beacon/event-store';
import type { Pool } from 'pg';
import { benchHeartbeat, seededRandom } from '../../lib/heartbeat-data';
import type { FleetPlan } from './fleet-plan';

const ROWS_PER_INSERT = 1_000;
/** Between the device's timestamp and the server's receipt. */
const TRANSIT_MS = 150;

/**
 * Each asset's newest heartbeat into the log, as the ingest path stores it, in time order: these
 * are what the projections turn into lastSeenAt and the latest position. Stored with the raw
 * multi-row INSERT (the event-store benchmark's baseline): the log only needs to hold them.
 */
export async function appendLatestHeartbeats(pool: Pool, plan: FleetPlan): Promise<number> {
  const random = seededRandom(0x1a7e57);
  const rows: NewHeartbeat[] = [...plan.assets]
    .sort((a, b) => a.lastSeenMs - b.lastSeenMs)
    .map((asset) =>
      benchHeartbeat(
        asset,
        { timestamp: new Date(asset.lastSeenMs).toISOString(), receivedAt: new Date(asset.lastSeenMs + TRANSIT_MS).toISOString() },
        asset,
        random,
      ),
    );
  await new HeartbeatPartitions(pool).ensure(rows.map((row) => row.data.timestamp));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await pool.query(HEARTBEAT_PLAIN_INSERT_SQL, heartbeatInsertParameters(rows.slice(start, start + ROWS_PER_INSERT)));
  }
  return rows.length;
}
