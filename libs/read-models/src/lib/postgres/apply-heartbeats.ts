import type { HeartbeatRecorded } from '@beacon/domain';
import type { ClientBase } from 'pg';
import { latestPerAsset } from '../latest-per-asset';

/**
 * Two set-based UPDATEs per batch, fed with the newest heartbeat (and newest position) per asset:
 * `last_seen_at` only moves forward, and a position replaces the stored one only when it is newer.
 */
export async function applyHeartbeats(client: ClientBase, heartbeats: HeartbeatRecorded['data'][]): Promise<void> {
  if (heartbeats.length === 0) return;
  const latest = latestPerAsset(heartbeats);
  await client.query(
    `UPDATE rm_assets a SET last_seen_at = u.seen_at, offline_at = u.seen_at + a.timeout_seconds * interval '1 second'
       FROM unnest($1::text[], $2::timestamptz[]) AS u(id, seen_at)
      WHERE a.id = u.id AND (a.last_seen_at IS NULL OR a.last_seen_at < u.seen_at)`,
    [latest.map((l) => l.assetId), latest.map((l) => l.seenAt)],
  );
  const positioned = latest.flatMap((l) => (l.position ? [l.position] : []));
  if (positioned.length === 0) return;
  await client.query(
    `UPDATE rm_assets a SET position_at = u.at, lat = u.lat, lon = u.lon, altitude = u.altitude, speed = u.speed, heading = u.heading
       FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[])
            AS u(id, at, lat, lon, altitude, speed, heading)
      WHERE a.id = u.id AND (a.position_at IS NULL OR a.position_at < u.at)`,
    [
      positioned.map((p) => p.assetId),
      positioned.map((p) => p.timestamp),
      positioned.map((p) => p.lat),
      positioned.map((p) => p.lon),
      positioned.map((p) => p.altitude),
      positioned.map((p) => p.speed),
      positioned.map((p) => p.heading),
    ],
  );
}
