import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import type { Parameter } from './openapi-types';

/** Decimal degrees within ±180 and ±90, leading zeros allowed, as the server reads them with `Number`. */
const LONGITUDE = '-?0*(180(\\.0+)?|(1[0-7][0-9]|[0-9]?[0-9])(\\.[0-9]+)?)';
const LATITUDE = '-?0*(90(\\.0+)?|[0-8]?[0-9](\\.[0-9]+)?)';

/** `minLon,minLat,maxLon,maxLat`, of the search and of the live stream. */
export const bboxSchema = {
  type: 'string',
  pattern: `^${LONGITUDE},${LATITUDE},${LONGITUDE},${LATITUDE}$`,
  description:
    '`minLon,minLat,maxLon,maxLat` in degrees, longitudes within ±180 and latitudes within ±90; a min above its max is a 400 ' +
    '(a box across the antimeridian is two requests).',
  examples: ['10.5,59.8,11.1,60.1'],
} as const;

/**
 * The query string of `GET /api/v1/assets`, as the server's search schema checks it; any other
 * parameter is a 400. The text rule is the read-model port's (`AssetSearch`).
 */
export const searchParameters: Parameter[] = [
  {
    name: 'q',
    in: 'query',
    description:
      'Free text. Every whitespace-separated term must match one of id, registration, label, callsign, icao24 or ' +
      'customer name, case-insensitively: as the start of a word in it (`abc` finds `ABC-123`), or, for terms of ' +
      '4 or more characters, as a word one typo away (`truk` finds `Truck`).',
    schema: { type: 'string', maxLength: 200, pattern: SAFE_TEXT_PATTERN },
  },
  {
    name: 'customerId',
    in: 'query',
    description: "A key scoped to a customer searches that customer only; naming another finds nothing.",
    schema: { type: 'string', maxLength: 64, pattern: SAFE_TEXT_PATTERN },
  },
  { name: 'status', in: 'query', description: 'Empty means any.', schema: { enum: ['online', 'offline', 'unknown', ''] } },
  { name: 'kind', in: 'query', description: 'Empty means any.', schema: { enum: ['vehicle', 'aircraft', ''] } },
  {
    name: 'bbox',
    in: 'query',
    description: 'Assets whose latest position lies inside the box; assets without a position are left out.',
    schema: bboxSchema,
  },
  {
    name: 'sort',
    in: 'query',
    description:
      '`field` or `field:asc|desc`; ascending by default. Assets without a value for the field come last either way; ' +
      'ties go by `id` ascending. `registration` compares case-insensitively.',
    schema: { type: 'string', pattern: '^(registration|lastSeenAt|id)(:(asc|desc))?$', default: 'registration:asc' },
  },
  {
    name: 'cursor',
    in: 'query',
    description:
      'Opaque: the `nextCursor` of the previous page, sent with the same other parameters (one issued for another ' +
      'sort is a 400, and so is anything that is not such a cursor). Paging is by key, so a page never repeats or skips an ' +
      'asset that did not change meanwhile.',
    schema: { type: 'string', maxLength: 1000, pattern: SAFE_TEXT_PATTERN },
  },
  { name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
];

/** `GET /api/v1/assets/{id}/track`; any other parameter is a 400. */
export const trackParameters: Parameter[] = [
  {
    name: 'from',
    in: 'query',
    description: 'Oldest position wanted; 24 hours before `to` when absent. After `to` is a 400.',
    schema: { type: 'string', format: 'date-time' },
  },
  { name: 'to', in: 'query', description: 'Newest position wanted; now when absent.', schema: { type: 'string', format: 'date-time' } },
  {
    name: 'maxPoints',
    in: 'query',
    description: 'A longer track is thinned to this many points, keeping the shape of the route and both ends.',
    schema: { type: 'integer', minimum: 2, maximum: 10_000, default: 1000 },
  },
];
