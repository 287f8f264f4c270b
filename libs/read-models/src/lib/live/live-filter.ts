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
 * never passes one without a customer) and, with a bbox, its position lies inside.
 */
export function matches(filter: LiveFilter, change: LiveChange): boolean {
  if (filter.customerId !== null && change.customerId !== filter.customerId) return false;
  const box = filter.bbox;
  if (!box) return true;
  if (change.lat === null || change.lon === null) return false;
  return change.lon >= box.minLon && change.lon <= box.maxLon && change.lat >= box.minLat && change.lat <= box.maxLat;
}
