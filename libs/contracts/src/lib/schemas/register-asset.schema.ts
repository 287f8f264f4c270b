import { SAFE_TEXT_PATTERN } from '../unsafe-text';

/** JSON Schema (2020-12) of the body of `POST /api/v1/assets`. */
export const registerAssetSchema = {
  $id: 'beacon:register-asset',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'customerId'],
  properties: {
    id: { type: 'string', pattern: '^~?[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
    kind: { enum: ['vehicle', 'aircraft'] },
    customerId: { type: 'string', minLength: 1, maxLength: 64, pattern: SAFE_TEXT_PATTERN },
    registration: { type: 'string', maxLength: 32, pattern: SAFE_TEXT_PATTERN },
    label: { type: 'string', maxLength: 200, pattern: SAFE_TEXT_PATTERN },
    callsign: { type: 'string', maxLength: 16, pattern: SAFE_TEXT_PATTERN },
    icao24: { type: 'string', pattern: '^~?[0-9a-f]{6}$' },
    timeoutSeconds: { type: 'integer', minimum: 1, maximum: 86400 },
  },
} as const;
