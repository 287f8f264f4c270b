import type { AssetReadModel } from '@beacon/read-models';
import type { LiveFleet } from './live-fleet';

/** The read model's biggest page. */
const PAGE = 1_000;

/** Fills `fleet` with every asset of the read model, a page at a time in id order. */
export async function loadLiveFleet(fleet: LiveFleet, readModel: AssetReadModel): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await readModel.search({ limit: PAGE, sort: { field: 'id', direction: 'asc' }, ...(cursor ? { cursor } : {}) }, new Date());
    for (const asset of page.items) fleet.load(asset);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
