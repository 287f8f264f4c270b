import { SAFE_TEXT_PATTERN } from '../unsafe-text';

/** Decimal degrees within ±180 and ±90, leading zeros allowed, as the server reads them with `Number`. */
const LONGITUDE = '-?0*(180(\\.0+)?|(1[0-7][0-9]|[0-9]?[0-9])(\\.[0-9]+)?)';
const LATITUDE = '-?0*(90(\\.0+)?|[0-8]?[0-9](\\.[0-9]+)?)';

/** `minLon,minLat,maxLon,maxLat`, of the search and of the live stream; each says what the box selects. */
export const bboxValue = {
  type: 'string',
  pattern: `^${LONGITUDE},${LATITUDE},${LONGITUDE},${LATITUDE}$`,
  examples: ['10.5,59.8,11.1,60.1'],
} as const;

export const BBOX_RULE =
  '`minLon,minLat,maxLon,maxLat` in degrees, longitudes within ±180 and latitudes within ±90; a min above its max is a 400 ' +
  '(a box across the antimeridian is two requests).';

/** A customer id as a filter, of the search and of the live stream. */
export const customerIdValue = { type: 'string', maxLength: 64, pattern: SAFE_TEXT_PATTERN } as const;
