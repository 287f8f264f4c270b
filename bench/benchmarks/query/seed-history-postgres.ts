import { HeartbeatPartitions } from '@beacon/event-store';
import type { Pool, PoolClient } from 'pg';
import type { FleetPlan } from './fleet-plan';

/** Rows per INSERT: large enough to be quick, small enough to report progress at scale 1. */
const ROWS_PER_STATEMENT = 500_000;

/**
 * Each asset's older positions, written straight into the log's `heartbeats` table (which the
 * PostgreSQL read model reads tracks from) instead of through a projection: at scale 1 projecting
 * 10,000,000 heartbeats would take most of an hour. PostgreSQL generates the rows itself, `count`
 * per asset `stepMs` apart before its newest heartbeat, on a loop that ends at its newest position.
 * Rows go in by step (every asset's oldest point, then every asset's next, …) so that, as in a
 * real log, one asset's points are scattered over the table rather than sitting on one page.
 * Columns the track does not read get plausible values, so rows are the size of real ones.
 * `days` are the UTC days the history spans (seed-history-days.ts).
 */
export async function seedPostgresHistory(
  pool: Pool,
  plan: FleetPlan,
  options: { count: number; stepMs: number; days: string[]; log(line: string): void },
): Promise<number> {
  const { count, stepMs } = options;
  await new HeartbeatPartitions(pool).ensure(options.days);
  const client = await pool.connect();
  try {
    await loadTrackEnds(client, plan);
    const stepsPerStatement = Math.max(1, Math.floor(ROWS_PER_STATEMENT / plan.assets.length));
    let stored = 0;
    for (let from = count; from >= 1; from -= stepsPerStatement) {
      const to = Math.max(1, from - stepsPerStatement + 1);
      const result = await client.query(INSERT_STEPS, [from, to, stepMs]);
      stored += result.rowCount ?? 0;
      options.log(`  stored ${stored.toLocaleString('en-US')} older positions in PostgreSQL`);
    }
    await client.query('DROP TABLE seed_track_ends');
    return stored;
  } finally {
    client.release();
  }
}

/** Where and when each asset's track ends, for the INSERT to draw the loop back from. */
async function loadTrackEnds(client: PoolClient, plan: FleetPlan): Promise<void> {
  await client.query(`CREATE TEMP TABLE seed_track_ends (
    asset_id text, aircraft boolean, message_ids boolean, lat float8, lon float8, phase float8, last_seen timestamptz)`);
  const column = <T>(pick: (a: FleetPlan['assets'][number]) => T): T[] => plan.assets.map(pick);
  await client.query(
    `INSERT INTO seed_track_ends
     SELECT * FROM unnest($1::text[], $2::boolean[], $3::boolean[], $4::float8[], $5::float8[], $6::float8[], $7::timestamptz[])`,
    [
      column((a) => a.id),
      column((a) => a.aircraft),
      column((a) => a.sendsMessageIds),
      column((a) => a.lat),
      column((a) => a.lon),
      column((a) => a.phase),
      column((a) => new Date(a.lastSeenMs).toISOString()),
    ],
  );
}

/**
 * Steps $1 down to $2 of every asset, step j at last_seen − j·$3 ms. The loop: a vehicle circles
 * within about 3 km of where it ended, an aircraft within about 170 km; the dedupe key and metadata
 * as the ingest path writes them (message id for half the devices, else the timestamp).
 */
const INSERT_STEPS = `
  INSERT INTO heartbeats (asset_id, dedupe_key, occurred_at, occurred_day, lat, lon, altitude, speed, heading,
                          accuracy, battery, message_id, correlation_id, source, received_at)
  SELECT asset_id, coalesce('m:' || message_id, 't:' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
         at, (at AT TIME ZONE 'UTC')::date,
         round((lat + radius * (sin(phase + j * turn) - sin(phase)))::numeric, 6)::float8,
         round((lon + 2 * radius * (cos(phase + j * turn) - cos(phase)))::numeric, 6)::float8,
         CASE WHEN aircraft THEN 10000 + 800 * sin(j) ELSE 60 + 50 * sin(j) END,
         CASE WHEN aircraft THEN 230 + 10 * cos(j) ELSE 15 + 12 * cos(j) END,
         mod(degrees(phase + j * turn)::numeric, 360)::float8,
         4 + 3 * sin(j * 7), 60 + 30 * cos(j * 3),
         message_id, gen_random_uuid()::text, 'api', at + interval '150 milliseconds'
    FROM (SELECT t.*, s.j,
                 t.last_seen - (s.j * $3::float8) * interval '1 millisecond' AS at,
                 CASE WHEN t.aircraft THEN 1.5 ELSE 0.03 END AS radius,
                 CASE WHEN t.aircraft THEN 0.25 ELSE 0.2 END AS turn,
                 CASE WHEN t.message_ids THEN gen_random_uuid()::text END AS message_id
            FROM seed_track_ends t CROSS JOIN generate_series($1::int, $2::int, -1) AS s(j)) p
   ORDER BY j DESC, at`;
