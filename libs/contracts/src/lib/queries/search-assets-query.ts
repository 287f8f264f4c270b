import type { AssetKind, AssetStatus } from '../asset.dto';
import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import { querySchemaOf } from './query-schema';
import { BBOX_RULE, bboxValue, customerIdValue } from './query-values';

/** The page size when `limit` is left out. */
export const DEFAULT_SEARCH_LIMIT = 100;

/** The query string of `GET /api/v1/assets`; an empty `status` or `kind` means any. */
export interface SearchAssetsQueryParams {
  q?: string;
  customerId?: string;
  status?: AssetStatus | '';
  kind?: AssetKind | '';
  /** `minLon,minLat,maxLon,maxLat`. */
  bbox?: string;
  /** `field` or `field:asc|desc`. */
  sort?: string;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
}

/** The text rule is the read-model port's (`AssetSearch`). */
export const searchAssetsQuerySchema = querySchemaOf<SearchAssetsQueryParams>()({
  type: 'object',
  additionalProperties: false,
  properties: {
    q: {
      type: 'string',
      maxLength: 200,
      pattern: SAFE_TEXT_PATTERN,
      description:
        'Free text. Every whitespace-separated term must match one of id, registration, label, callsign, icao24 or ' +
        'customer name, case-insensitively: as the start of a word in it (`abc` finds `ABC-123`), or, for terms of ' +
        '4 or more characters, as a word one typo away (`truk` finds `Truck`).',
    },
    customerId: {
      ...customerIdValue,
      description: 'A key scoped to a customer searches that customer only; naming another finds nothing.',
    },
    status: { enum: ['online', 'offline', 'unknown', ''], description: 'Empty means any.' },
    kind: { enum: ['vehicle', 'aircraft', ''], description: 'Empty means any.' },
    bbox: {
      ...bboxValue,
      description: `Assets whose latest position lies inside the box; assets without a position are left out. ${BBOX_RULE}`,
    },
    sort: {
      type: 'string',
      pattern: '^(registration|lastSeenAt|id)(:(asc|desc))?$',
      default: 'registration:asc',
      description:
        '`field` or `field:asc|desc`; ascending by default. Assets without a value for the field come last either way; ' +
        'ties go by `id` ascending. `registration` compares case-insensitively.',
    },
    cursor: {
      type: 'string',
      maxLength: 1000,
      pattern: SAFE_TEXT_PATTERN,
      description:
        'Opaque: the `nextCursor` of the previous page, sent with the same other parameters (one issued for another ' +
        'sort is a 400, and so is anything that is not such a cursor). Paging is by key, so a page never repeats or skips an ' +
        'asset that did not change meanwhile.',
    },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: DEFAULT_SEARCH_LIMIT, description: 'Page size.' },
  },
});
