import type { ElasticsearchIndices } from '@beacon/read-models';
import type { Client } from '@elastic/elasticsearch';
import type { Pool } from 'pg';

/** Positions per bulk request, read from PostgreSQL a page at a time. */
const PAGE = 10_000;
/** Bulk requests in flight: one per core of the node keeps it busy while the next page is read. */
const IN_FLIGHT = 2;
/** As ensureElasticsearchSchema's positions template sets it; restored once the copy is done. */
const REFRESH_INTERVAL = '1s';

interface PositionRow {
  global_position: string;
  asset_id: string;
  occurred_at: Date;
  lat: number;
  lon: number;
  altitude: number | null;
  speed: number | null;
  heading: number | null;
}

/**
 * Copies the heartbeats after `after` (the seeded history) from the log into Elasticsearch's daily
 * positions indices, in the log's order, as the documents ElasticsearchAssetsProjection writes for
 * them: same index per UTC day, same fields, the global position as id and external version. Both
 * read models then hold the same positions, and a projector meeting these heartbeats later would
 * find every one already written. `days` are the UTC days the history spans. Returns how many it
 * copied.
 */
export async function copyHistoryToElasticsearch(
  pool: Pool,
  client: Client,
  indices: ElasticsearchIndices,
  options: { after: bigint; days: string[]; log(line: string): void },
): Promise<number> {
  // Created up front (the template applies) so refreshes can be paused during the copy: a refresh
  // a second over an index taking thousands of writes a second only makes segments to merge.
  for (const day of options.days) await client.indices.create({ index: indices.positionsIndex(day) }, { ignore: [400] });
  await client.indices.putSettings({ index: indices.positionsPattern, settings: { refresh_interval: '-1' } });
  const bulks: Promise<void>[] = [];
  const failures: unknown[] = [];
  let after = options.after;
  let copied = 0;
  for (;;) {
    const { rows } = await pool.query<PositionRow>(
      `SELECT global_position, asset_id, occurred_at, lat, lon, altitude, speed, heading FROM heartbeats
        WHERE global_position > $1 ORDER BY global_position LIMIT ${PAGE}`,
      [after.toString()],
    );
    const last = rows[rows.length - 1];
    if (!last || failures.length > 0) break;
    if (bulks.length >= IN_FLIGHT) await bulks.shift();
    // Caught at once: a bulk failing while the next page is read must not become an unhandled rejection.
    bulks.push(bulkPositions(client, indices, rows).catch((error: unknown) => void failures.push(error)));
    copied += rows.length;
    after = BigInt(last.global_position);
    if (copied % 500_000 === 0) options.log(`  copied ${copied.toLocaleString('en-US')} older positions to Elasticsearch`);
  }
  await Promise.all(bulks);
  if (failures.length > 0) throw failures[0];
  await client.indices.putSettings({ index: indices.positionsPattern, settings: { refresh_interval: REFRESH_INTERVAL } });
  await client.indices.refresh({ index: indices.positionsPattern });
  options.log(`  copied ${copied.toLocaleString('en-US')} older positions to Elasticsearch`);
  return copied;
}

async function bulkPositions(client: Client, indices: ElasticsearchIndices, rows: PositionRow[]): Promise<void> {
  const operations: object[] = [];
  for (const row of rows) {
    const timestamp = row.occurred_at.toISOString();
    const version = Number(row.global_position);
    operations.push(
      { index: { _index: indices.positionsIndex(timestamp), _id: row.global_position, version, version_type: 'external' } },
      { assetId: row.asset_id, timestamp, lat: row.lat, lon: row.lon, altitude: row.altitude, speed: row.speed, heading: row.heading },
    );
  }
  const response = await client.bulk({ operations });
  if (!response.errors) return;
  const failures = response.items.flatMap((item) => (item.index?.error ? [`${item.index._id ?? '?'}: ${item.index.error.type}`] : []));
  throw new Error(`Elasticsearch refused ${failures.length} positions, e.g. ${failures.slice(0, 3).join('; ')}`);
}
