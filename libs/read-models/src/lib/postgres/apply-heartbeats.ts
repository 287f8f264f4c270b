import type { HeartbeatRecorded } from '@beacon/domain';
import type { ClientBase } from 'pg';
import { latestPerAsset } from '../latest-per-asset';

/**
 * One set-based UPDATE per batch, fed with the newest heartbeat (and newest position, and newest
 * reported callsign) per asset: `last_seen_at` only moves forward, and a position or callsign
 * replaces the stored one only when it is newer. The view takes what the domain's rule collapsed
 * (`seenFrom`'s fields, the position, the callsign) as JSON, so a field added there needs nothing
 * here. One statement rather than one for each: every update of a row writes a new version of it
 * and of its index entries (the position index rules out cheap in-place updates), so two statements
 * per batch would write every row twice (docs/performance-history.md "Projections").
 *
 * A callsign is searched, so the same statement rewrites the search words of the assets whose
 * callsign it changes (`renamed`, read in the statement's snapshot, before the update): a flight's
 * callsign changes a few times a day while it is sent with most heartbeats, so the words are
 * computed and the trigram index written only for a change (see migration AssetSearch1764000600000).
 * A new word joins the vocabulary one-typo search looks in, as a lifecycle event's would
 * (apply-lifecycle-event.ts).
 */
export async function applyHeartbeats(client: ClientBase, heartbeats: HeartbeatRecorded['data'][]): Promise<void> {
  if (heartbeats.length === 0) return;
  const latest = latestPerAsset(heartbeats).map(({ assetId, position, callsign, callsignAt, ...seen }) => ({
    id: assetId,
    seen_at: seen.lastSeenAt,
    seen,
    at: position?.timestamp ?? null,
    lat: position?.lat ?? null,
    lon: position?.lon ?? null,
    position,
    callsign_at: callsignAt,
    callsign: callsignAt === null ? null : { callsign, callsignAt },
  }));
  const seenNewer = `a.last_seen_at IS NULL OR a.last_seen_at < u.seen_at`;
  const positionNewer = `u.at IS NOT NULL AND (a.position_at IS NULL OR a.position_at < u.at)`;
  // `callsignAt` is null (or, in a view stored before it was kept, missing) while the callsign is the registered one.
  const callsignNewer = `u.callsign_at IS NOT NULL AND (a.view->>'callsignAt' IS NULL OR (a.view->>'callsignAt')::timestamptz < u.callsign_at)`;
  const position = (column: string, from = column): string => `CASE WHEN ${positionNewer} THEN u.${from} ELSE a.${column} END`;
  await client.query(
    `WITH u AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
              AS u(id text, seen_at timestamptz, seen jsonb, at timestamptz, lat float8, lon float8, position jsonb,
                   callsign_at timestamptz, callsign jsonb)),
     renamed AS (
       SELECT a.id FROM u JOIN rm_assets a ON a.id = u.id
        WHERE ${callsignNewer} AND a.callsign IS DISTINCT FROM u.callsign->>'callsign'),
     moved AS (
       UPDATE rm_assets a
          SET last_seen_at = GREATEST(a.last_seen_at, u.seen_at),
              offline_at = GREATEST(a.last_seen_at, u.seen_at) + a.timeout_seconds * interval '1 second',
              position_at = ${position('position_at', 'at')}, lat = ${position('lat')}, lon = ${position('lon')},
              callsign = CASE WHEN ${callsignNewer} THEN u.callsign->>'callsign' ELSE a.callsign END,
              view = a.view || CASE WHEN ${seenNewer} THEN u.seen ELSE '{}' END
                            || CASE WHEN ${positionNewer} THEN jsonb_build_object('position', u.position) ELSE '{}' END
                            || CASE WHEN ${callsignNewer} THEN u.callsign ELSE '{}' END
         FROM u
        WHERE a.id = u.id AND (${seenNewer} OR (${positionNewer}) OR (${callsignNewer}))
        RETURNING a.id, a.registration, a.label, a.callsign, a.icao24, a.customer_name),
     searched AS (
       UPDATE rm_asset_search s
          SET words = rm_asset_search_words(moved.id, moved.registration, moved.label, moved.callsign, moved.icao24, moved.customer_name)
         FROM renamed JOIN moved ON moved.id = renamed.id
        WHERE s.asset_id = renamed.id
       RETURNING s.words)
     INSERT INTO rm_search_vocabulary (word)
     SELECT DISTINCT unnest(rm_search_word_set(words)) FROM searched
     ON CONFLICT (word) DO NOTHING`,
    [JSON.stringify(latest)],
  );
}
