import { SAFE_TEXT_PATTERN } from '../unsafe-text';

/** JSON Schema (2020-12) of the body of `POST /api/v1/api-keys`. */
export const issueApiKeySchema = {
  $id: 'beacon:issue-api-key',
  type: 'object',
  additionalProperties: false,
  required: ['role', 'name'],
  properties: {
    role: { enum: ['admin', 'viewer', 'device'] },
    customerId: { type: 'string', minLength: 1, maxLength: 64, pattern: SAFE_TEXT_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: SAFE_TEXT_PATTERN },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;
