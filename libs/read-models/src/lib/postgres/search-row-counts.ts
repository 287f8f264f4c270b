import type { AssetStatus } from '@beacon/contracts';
import type { Pool } from 'pg';
import { SqlParams, searchRowFilter, type AssetFilter } from './asset-filter';

export type StatusCounts = Record<AssetStatus, number>;

/**
 * Counts by status of a text search without an area, among the matching search rows (decision
 * 049): each carries `offline_minute`, the minute its asset's `offline_at` falls in (migration
 * SearchRowsCarryTheStatusMinute1764002000000). Against the minute `now` falls in, a later minute
 * is online and an earlier one offline whatever the second; no minute, never seen: unknown. Only
 * the assets going offline in the current minute are decided on their exact `offline_at`, read
 * from `rm_assets` for all of them at once: one walk of the primary key in id order, as before
 * this change for every match, rather than a descent for each.
 */
export async function countSearchRowsByStatus(pool: Pool, filter: AssetFilter, now: Date): Promise<StatusCounts> {
  const params = new SqlParams();
  const where = searchRowFilter(filter, params);
  const at = params.add(now);
  const minute = `date_bin('1 minute', ${at}::timestamptz, timestamptz '2000-01-01 00:00:00+00')`;
  const result = await pool.query<{ unknown: string; online: string; offline: string; this_minute: string; online_this_minute: string }>(
    `WITH matches AS MATERIALIZED (SELECT s.asset_id, s.offline_minute FROM rm_asset_search s WHERE ${where})
     SELECT count(*) FILTER (WHERE offline_minute IS NULL) AS unknown,
            count(*) FILTER (WHERE offline_minute > ${minute}) AS online,
            count(*) FILTER (WHERE offline_minute < ${minute}) AS offline,
            count(*) FILTER (WHERE offline_minute = ${minute}) AS this_minute,
            (SELECT count(*) FROM rm_assets a
              WHERE a.id = ANY(ARRAY(SELECT asset_id FROM matches WHERE offline_minute = ${minute})) AND a.offline_at > ${at}
            ) AS online_this_minute
       FROM matches`,
    params.values,
  );
  const row = result.rows[0];
  const [thisMinute, onlineThisMinute] = [Number(row?.this_minute ?? 0), Number(row?.online_this_minute ?? 0)];
  return {
    online: Number(row?.online ?? 0) + onlineThisMinute,
    offline: Number(row?.offline ?? 0) + thisMinute - onlineThisMinute,
    unknown: Number(row?.unknown ?? 0),
  };
}
