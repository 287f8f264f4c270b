import type { Pool } from 'pg';
import type { TrackPoint, TrackQuery } from '../read-model.port';

interface TrackRow {
  occurred_at: Date;
  lat: number;
  lon: number;
  altitude: number | null;
  speed: number | null;
  heading: number | null;
}

const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * A track straight from the event log: PostgreSQL keeps no copy of past positions. The
 * `occurred_day` range prunes the daily partitions to those the window touches; in each, the
 * unique index that starts with (asset_id, occurred_day) finds the asset's rows. Ties in time are
 * ordered by log position, so the answer is stable.
 */
export async function readTrack(pool: Pool, query: TrackQuery): Promise<TrackPoint[]> {
  if (query.limit < 1 || query.from > query.to) return [];
  const result = await pool.query<TrackRow>(
    `SELECT occurred_at, lat, lon, altitude, speed, heading FROM heartbeats
      WHERE asset_id = $1 AND occurred_day BETWEEN $2::date AND $3::date
        AND occurred_at BETWEEN $4 AND $5 AND lat IS NOT NULL AND lon IS NOT NULL
      ORDER BY occurred_at, global_position LIMIT $6`,
    [query.assetId, utcDay(query.from), utcDay(query.to), query.from, query.to, query.limit],
  );
  return result.rows.map((row) => ({
    timestamp: row.occurred_at.toISOString(),
    lat: row.lat,
    lon: row.lon,
    altitude: row.altitude,
    speed: row.speed,
    heading: row.heading,
  }));
}
