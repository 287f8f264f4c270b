import type { AssetReadModel } from '../read-model.port';
import type { Pool } from 'pg';
import type { LiveFleet } from './live-fleet';

/** The read model's biggest page. */
const PAGE = 1_000;

/**
 * Fills `fleet` with every asset of the read model, a page at a time in id order, each with the
 * time of its latest reassignment from the log (the read model does not keep it), so that a late
 * heartbeat from a previous owner's time is not shown to the current owner after a restart either.
 */
export async function loadLiveFleet(fleet: LiveFleet, readModel: AssetReadModel, pool: Pool): Promise<void> {
  const reassignedAt = await latestReassignments(pool);
  let cursor: string | undefined;
  do {
    const page = await readModel.search(
      { limit: PAGE, sort: { field: 'id', direction: 'asc' }, ...(cursor ? { cursor } : {}) },
      new Date(),
    );
    for (const asset of page.items) fleet.load(asset, reassignedAt.get(asset.id) ?? null);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Asset id → when it was last reassigned (ms); reassignments are few, so this reads them all. */
async function latestReassignments(pool: Pool): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ asset_id: string; at: Date }>(
    `SELECT data->>'assetId' AS asset_id, max((data->>'at')::timestamptz) AS at FROM events WHERE type = 'AssetReassigned' GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.asset_id, row.at.getTime()]));
}
