import type { AssetDto, LivePositionEvent, LiveStatusEvent, PositionDto, SearchAssetsResponse } from '@beacon/contracts';
import { areaHolds } from './fleet-map/map-area';
import type { FleetQuery } from './fleet-query';
import type { LiveEvent } from './live-stream';

/**
 * Live events applied to what the dashboard holds. Each function returns its input unchanged (the
 * same object) when the event changes nothing, so signals holding the result do not notify.
 */

/**
 * An online event is a heartbeat, so its time is also when the asset was last seen. An event older
 * than the last sighting has been overtaken by what the page already shows.
 */
export function withStatus(asset: AssetDto, event: LiveStatusEvent): AssetDto {
  if (asset.lastSeenAt !== null && isBefore(event.at, asset.lastSeenAt)) return asset;
  const lastSeenAt = event.status === 'online' ? later(asset.lastSeenAt, event.at) : asset.lastSeenAt;
  if (asset.status === event.status && lastSeenAt === asset.lastSeenAt) return asset;
  return { ...asset, status: event.status, lastSeenAt };
}

/** Positions arrive out of order now and then; an older one never replaces a newer. */
export function withPosition(asset: AssetDto, event: LivePositionEvent): AssetDto {
  const position = isNewer(event.position, asset.position) ? event.position : asset.position;
  const lastSeenAt = later(asset.lastSeenAt, event.position.timestamp);
  if (position === asset.position && lastSeenAt === asset.lastSeenAt) return asset;
  return { ...asset, position, lastSeenAt };
}

/** A live event that changes a row: a resync is for the store, which reads the search again. */
export type RowEvent = Exclude<LiveEvent, { type: 'resync' }>;

/**
 * The events of one live window applied to the rows loaded, in one pass: each event finds its row
 * through an index made once, and the rows are copied once, so a window costs the rows plus the
 * events rather than their product (the table may hold 100,000 rows and a window 100 events).
 *
 * Counts cover every status whatever the status filter, while `total` and the rows follow it
 * (docs/API.md "Search"), so an asset leaving the filter leaves the rows and the total but its count
 * still moves. An asset whose new position is outside the searched area (`bbox`; the stream sends
 * the first position of an asset leaving it) leaves the search: the rows, the total and its count.
 * Assets not loaded are ignored: the next poll brings them. Returns `page` itself when no event
 * changed anything.
 */
export function applyEvents(
  page: SearchAssetsResponse,
  events: readonly RowEvent[],
  filters: Pick<FleetQuery, 'status' | 'bbox'>,
): SearchAssetsResponse {
  if (events.length === 0) return page;
  const rowOf = new Map(page.items.map((asset, row) => [asset.id, row]));
  let items: AssetDto[] | null = null;
  let counts = page.counts;
  let total = page.total;
  const left = new Set<number>();
  for (const event of events) {
    const row = rowOf.get(event.data.id);
    if (row === undefined || left.has(row)) continue;
    const asset = (items ?? page.items)[row] as AssetDto;
    const updated = event.type === 'status' ? withStatus(asset, event.data) : withPosition(asset, event.data);
    if (updated === asset) continue;
    items ??= [...page.items];
    items[row] = updated;
    if (updated.status !== asset.status) {
      counts = { ...counts, [asset.status]: Math.max(0, counts[asset.status] - 1), [updated.status]: counts[updated.status] + 1 };
      if (filters.status && updated.status !== filters.status) {
        left.add(row);
        total = Math.max(0, total - 1);
      }
    }
    if (filters.bbox && updated.position !== asset.position && updated.position && !areaHolds(filters.bbox, updated.position)) {
      left.add(row);
      total = Math.max(0, total - 1);
      counts = { ...counts, [updated.status]: Math.max(0, counts[updated.status] - 1) };
    }
  }
  if (items === null) return page;
  return { ...page, items: left.size === 0 ? items : items.filter((_, row) => !left.has(row)), total, counts };
}

/** ISO strings may differ in precision ("…00Z" vs "…00.000Z"), so compare them as times. */
function later(current: string | null, candidate: string): string {
  return current !== null && !isBefore(current, candidate) ? current : candidate;
}

function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}

function isNewer(candidate: PositionDto, current: PositionDto | null): boolean {
  return current === null || isBefore(current.timestamp, candidate.timestamp);
}
