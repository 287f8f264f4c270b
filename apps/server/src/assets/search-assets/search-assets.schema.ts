const NUMBER = '-?\\d+(\\.\\d+)?';

/** Query string of `GET /api/v1/assets`; ajv coerces `limit` to a number. */
export const searchAssetsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200 },
    customerId: { type: 'string', maxLength: 64 },
    status: { enum: ['online', 'offline', 'unknown', ''] },
    kind: { enum: ['vehicle', 'aircraft', ''] },
    /** `minLon,minLat,maxLon,maxLat` in degrees. */
    bbox: { type: 'string', pattern: `^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$` },
    /** `field` or `field:asc|desc`. */
    sort: { type: 'string', pattern: '^(registration|lastSeenAt|id)(:(asc|desc))?$' },
    cursor: { type: 'string', maxLength: 1000 },
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
} as const;
