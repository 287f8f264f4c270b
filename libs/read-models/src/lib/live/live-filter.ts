import type { BoundingBox } from '../read-model.port';
import type { LiveChange } from './live-change';

/** What one client asked for (and, for a scoped viewer, what it may see). */
export interface LiveFilter {
  customerId: string | null;
  bbox: BoundingBox | null;
}

/** Clients with the same key get the same events, so their messages are built once. */
export function filterKey(filter: LiveFilter): string {
  const box = filter.bbox;
  return `${filter.customerId ?? '*'}|${box ? `${box.minLon},${box.minLat},${box.maxLon},${box.maxLat}` : '*'}`;
}

/**
 * A change passes when its asset belonged to the customer at the change's time (a scoped filter
 * never passes one without a customer) and, with a bbox, its position lies inside. A position
 * outside passes too when the one sent before it was inside: the asset is leaving the area, and
 * its client drops it instead of showing it where it last was until the next search.
 */
export function matches(filter: LiveFilter, change: LiveChange): boolean {
  if (filter.customerId !== null && change.customerId !== filter.customerId) return false;
  const box = filter.bbox;
  if (!box) return true;
  return inside(box, change) || (change.kind === 'position' && change.from !== null && inside(box, change.from));
}

function inside(box: BoundingBox, point: { lat: number | null; lon: number | null }): boolean {
  if (point.lat === null || point.lon === null) return false;
  return point.lon >= box.minLon && point.lon <= box.maxLon && point.lat >= box.minLat && point.lat <= box.maxLat;
}
