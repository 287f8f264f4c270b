import type { AssetDto, AssetStatus, LivePositionEvent, LiveStatusEvent, PositionDto, SearchAssetsResponse } from '@beacon/contracts';
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

/**
 * Counts cover every status whatever the status filter, while `total` and the rows follow it
 * (docs/API.md "Search"), so an asset leaving the filter leaves the rows and the total but its count
 * still moves. Assets not on the page are ignored: the next poll brings them.
 */
export function applyStatus(page: SearchAssetsResponse, event: LiveStatusEvent, statusFilter: AssetStatus | ''): SearchAssetsResponse {
  const index = page.items.findIndex((a) => a.id === event.id);
  const asset = page.items[index];
  if (!asset) return page;
  const updated = withStatus(asset, event);
  if (updated === asset) return page;

  const counts = { ...page.counts };
  if (asset.status !== updated.status) {
    counts[asset.status] = Math.max(0, counts[asset.status] - 1);
    counts[updated.status] += 1;
  }
  if (statusFilter && updated.status !== statusFilter) {
    return {
      ...page,
      items: page.items.filter((a) => a !== asset),
      total: Math.max(0, page.total - 1),
      counts,
    };
  }
  return { ...page, items: replaceAt(page.items, index, updated), counts };
}

/** A status or position event applied to the page of assets the table shows. */
export function applyToPage(
  page: SearchAssetsResponse,
  event: Exclude<LiveEvent, { type: 'resync' }>,
  statusFilter: AssetStatus | '',
): SearchAssetsResponse {
  switch (event.type) {
    case 'status':
      return applyStatus(page, event.data, statusFilter);
    case 'position':
      return applyPosition(page, event.data);
    default: {
      const unexpected: never = event;
      throw new Error(`unexpected live event ${JSON.stringify(unexpected)}`);
    }
  }
}

export function applyPosition(page: SearchAssetsResponse, event: LivePositionEvent): SearchAssetsResponse {
  const index = page.items.findIndex((a) => a.id === event.id);
  const asset = page.items[index];
  if (!asset) return page;
  const updated = withPosition(asset, event);
  return updated === asset ? page : { ...page, items: replaceAt(page.items, index, updated) };
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
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
