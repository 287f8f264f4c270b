import type { SearchAssetsResponse } from '@beacon/contracts';

/**
 * The rows loaded so far with the next page of the same search after them. The newer answer's
 * total, counts and cursor win. An asset whose sort key changed between two pages (a heartbeat moves
 * `lastSeenAt`) can come again in a later page: it is updated where it already is rather than shown
 * twice, and the next refresh puts it in its place.
 */
export function appendPage(loaded: SearchAssetsResponse, page: SearchAssetsResponse): SearchAssetsResponse {
  const incoming = new Map(page.items.map((asset) => [asset.id, asset]));
  const items = loaded.items.map((asset) => {
    const newer = incoming.get(asset.id);
    if (newer === undefined) return asset;
    incoming.delete(asset.id);
    return newer;
  });
  return { items: [...items, ...incoming.values()], total: page.total, counts: page.counts, nextCursor: page.nextCursor };
}
