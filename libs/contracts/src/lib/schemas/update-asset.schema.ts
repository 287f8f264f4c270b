import { SAFE_TEXT_PATTERN } from '../unsafe-text';

/** JSON Schema (2020-12) of the body of `PATCH /api/v1/assets/:id`. */
export const updateAssetSchema = {
  $id: 'beacon:update-asset',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    customerId: { type: 'string', minLength: 1, maxLength: 64, pattern: SAFE_TEXT_PATTERN },
    label: { type: ['string', 'null'], maxLength: 200, pattern: SAFE_TEXT_PATTERN },
    timeoutSeconds: { type: 'integer', minimum: 1, maximum: 86400 },
  },
} as const;

/**
 * The `If-Match` header of that PATCH: the asset version the client last saw, `3`, ETag-style `"3"`
 * or `W/"3"`, at most 15 digits (a safe integer). The version is the first group that matched.
 */
export const IF_MATCH_PATTERN = '^(?:W/)?(?:"([1-9][0-9]{0,14})"|([1-9][0-9]{0,14}))$';
