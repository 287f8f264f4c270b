import type { HeartbeatRecorded } from '@beacon/domain';
import type { ClientBase } from 'pg';
import { latestPerAsset } from '../latest-per-asset';

/**
 * One set-based UPDATE per batch, fed with the newest heartbeat (and newest position) per asset:
 * `last_seen_at` only moves forward, and a position replaces the stored one only when it is newer.
 * The view takes what the domain's rule collapsed (`seenFrom`'s fields, the position) as JSON, so a
 * field added there needs nothing here. One statement rather than one for each: every update of a
 * row writes a new version of it and of its index entries (the position index rules out cheap
 * in-place updates), so two statements per batch would write every row twice (docs/performance.md
 * "Projections").
 */
export async function applyHeartbeats(client: ClientBase, heartbeats: HeartbeatRecorded['data'][]): Promise<void> {
  if (heartbeats.length === 0) return;
  const latest = latestPerAsset(heartbeats).map(({ assetId, position, ...seen }) => ({
    id: assetId,
    seen_at: seen.lastSeenAt,
    seen,
    at: position?.timestamp ?? null,
    lat: position?.lat ?? null,
    lon: position?.lon ?? null,
    position,
  }));
  const seenNewer = `a.last_seen_at IS NULL OR a.last_seen_at < u.seen_at`;
  const positionNewer = `u.at IS NOT NULL AND (a.position_at IS NULL OR a.position_at < u.at)`;
  const position = (column: string, from = column): string => `CASE WHEN ${positionNewer} THEN u.${from} ELSE a.${column} END`;
  await client.query(
    `UPDATE rm_assets a
        SET last_seen_at = GREATEST(a.last_seen_at, u.seen_at),
            offline_at = GREATEST(a.last_seen_at, u.seen_at) + a.timeout_seconds * interval '1 second',
            position_at = ${position('position_at', 'at')}, lat = ${position('lat')}, lon = ${position('lon')},
            view = a.view || CASE WHEN ${seenNewer} THEN u.seen ELSE '{}' END
                          || CASE WHEN ${positionNewer} THEN jsonb_build_object('position', u.position) ELSE '{}' END
       FROM jsonb_to_recordset($1::jsonb) AS u(id text, seen_at timestamptz, seen jsonb, at timestamptz, lat float8, lon float8, position jsonb)
      WHERE a.id = u.id AND (${seenNewer} OR (${positionNewer}))`,
    [JSON.stringify(latest)],
  );
}
