import { SAFE_TEXT_PATTERN } from '../unsafe-text';

/** JSON Schema (2020-12) of the body of `POST /api/v1/customers`. */
export const registerCustomerSchema = {
  $id: 'beacon:register-customer',
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$' },
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: SAFE_TEXT_PATTERN },
    address: { type: 'string', maxLength: 500, pattern: SAFE_TEXT_PATTERN },
  },
} as const;
