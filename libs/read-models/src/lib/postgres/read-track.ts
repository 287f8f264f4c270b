import type { Pool } from 'pg';
import { trackBucketWidthMs, type Track, type TrackPoint, type TrackQuery } from '../read-model.port';

interface TrackRow {
  occurred_at: Date;
  lat: number;
  lon: number;
  altitude: number | null;
  speed: number | null;
  heading: number | null;
}

const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The asset's positions in the window; `$1` … `$5` of every statement below. */
const IN_WINDOW = `asset_id = $1 AND occurred_day BETWEEN $2::date AND $3::date
  AND occurred_at BETWEEN $4 AND $5 AND lat IS NOT NULL AND lon IS NOT NULL`;

/**
 * A track straight from the event log: PostgreSQL keeps no copy of past positions. The
 * `occurred_day` range prunes the daily partitions to those the window touches; in each, the
 * unique index that starts with (asset_id, occurred_day) finds the asset's rows. Ties in time are
 * ordered by log position, so the answer is stable. A window with more positions than the limit
 * is thinned over all of it (the port's `Track`): the newest position of each span of time.
 */
export async function readTrack(pool: Pool, query: TrackQuery): Promise<Track> {
  if (query.limit < 1 || query.from > query.to) return { points: [], thinned: false };
  const window = [query.assetId, utcDay(query.from), utcDay(query.to), query.from, query.to];
  const counted = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM heartbeats WHERE ${IN_WINDOW}`, window);
  const thinned = (counted.rows[0]?.n ?? 0) > query.limit;
  const result = thinned
    ? await pool.query<TrackRow>(
        `SELECT DISTINCT ON (span) occurred_at, lat, lon, altitude, speed, heading
           FROM (SELECT *, floor((extract(epoch FROM occurred_at) * 1000 - $6) / $7) AS span FROM heartbeats WHERE ${IN_WINDOW}) h
          ORDER BY span, occurred_at DESC, global_position DESC`,
        [...window, query.from.getTime(), trackBucketWidthMs(query)],
      )
    : await pool.query<TrackRow>(
        `SELECT occurred_at, lat, lon, altitude, speed, heading FROM heartbeats WHERE ${IN_WINDOW}
          ORDER BY occurred_at, global_position LIMIT $6`,
        [...window, query.limit],
      );
  return { points: result.rows.map(toTrackPoint), thinned };
}

function toTrackPoint(row: TrackRow): TrackPoint {
  return {
    timestamp: row.occurred_at.toISOString(),
    lat: row.lat,
    lon: row.lon,
    altitude: row.altitude,
    speed: row.speed,
    heading: row.heading,
  };
}
