import type { HeartbeatRecorded } from '@beacon/domain';
import type { ClientBase } from 'pg';
import { latestPerAsset } from '../latest-per-asset';

/**
 * One set-based UPDATE per batch, fed with the newest heartbeat (and newest position) per asset:
 * `last_seen_at` only moves forward, and a position replaces the stored one only when it is newer.
 * One statement rather than one for each: every update of a row writes a new version of it and
 * of its index entries (the position index rules out cheap in-place updates), so two statements
 * per batch would write every row twice (docs/performance.md "Projections").
 */
export async function applyHeartbeats(client: ClientBase, heartbeats: HeartbeatRecorded['data'][]): Promise<void> {
  if (heartbeats.length === 0) return;
  const latest = latestPerAsset(heartbeats);
  const newer = `u.at IS NOT NULL AND (a.position_at IS NULL OR a.position_at < u.at)`;
  const position = (column: string, from = column): string => `CASE WHEN ${newer} THEN u.${from} ELSE a.${column} END`;
  await client.query(
    `UPDATE rm_assets a
        SET last_seen_at = GREATEST(a.last_seen_at, u.seen_at),
            offline_at = GREATEST(a.last_seen_at, u.seen_at) + a.timeout_seconds * interval '1 second',
            position_at = ${position('position_at', 'at')}, lat = ${position('lat')}, lon = ${position('lon')},
            altitude = ${position('altitude')}, speed = ${position('speed')}, heading = ${position('heading')}
       FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])
            AS u(id, seen_at, at, lat, lon, altitude, speed, heading)
      WHERE a.id = u.id AND (a.last_seen_at IS NULL OR a.last_seen_at < u.seen_at OR (${newer}))`,
    [
      latest.map((l) => l.assetId),
      latest.map((l) => l.lastSeenAt),
      latest.map((l) => l.position?.timestamp ?? null),
      latest.map((l) => l.position?.lat ?? null),
      latest.map((l) => l.position?.lon ?? null),
      latest.map((l) => l.position?.altitude ?? null),
      latest.map((l) => l.position?.speed ?? null),
      latest.map((l) => l.position?.heading ?? null),
    ],
  );
}
