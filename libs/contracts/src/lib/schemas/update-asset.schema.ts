/** JSON Schema (2020-12) of the body of `PATCH /api/v1/assets/:id`. */
export const updateAssetSchema = {
  $id: 'beacon:update-asset',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    customerId: { type: 'string', minLength: 1, maxLength: 64 },
    label: { type: ['string', 'null'], maxLength: 200 },
    timeoutSeconds: { type: 'integer', minimum: 1, maximum: 86400 },
  },
} as const;
