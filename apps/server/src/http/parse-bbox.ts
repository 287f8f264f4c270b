import type { BoundingBox } from '@beacon/read-models';
import { ApiError } from './api-error';

/**
 * The `bbox` query parameter of the search and the live stream, once their query schema has passed
 * it (four numbers, each within its range); the order is checked here.
 */
export function parseBbox(text: string): BoundingBox {
  const [minLon, minLat, maxLon, maxLat] = text.split(',').map(Number) as [number, number, number, number];
  if (minLon > maxLon || minLat > maxLat) {
    const reason = 'must be minLon,minLat,maxLon,maxLat with min ≤ max';
    throw new ApiError('invalid_request', 'bbox is invalid', [{ field: 'bbox', reason }]);
  }
  return { minLon, minLat, maxLon, maxLat };
}
