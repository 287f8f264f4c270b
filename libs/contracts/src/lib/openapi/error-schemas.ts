import type { ApiErrorBody, ApiErrorCode, ApiErrorDetail } from '../api-error';
import { objectSchemaOf, schemaRef } from './json-schema';

/** Every code of `ApiErrorCode`; the type below fails to compile if one is added there and not here. */
export const API_ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'unknown_asset',
  'not_found',
  'method_not_allowed',
  'version_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'limit_reached',
  'unavailable',
  'internal_error',
] as const satisfies readonly ApiErrorCode[];

type Unlisted = Exclude<ApiErrorCode, (typeof API_ERROR_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCodeListed;

const ApiErrorDetail = objectSchemaOf<ApiErrorDetail>({
  type: 'object',
  description: 'A field at fault and why.',
  required: ['field', 'reason'],
  properties: {
    field: { type: 'string', description: 'Dotted path of the field, `(body)` for the body as a whole.', examples: ['lat'] },
    reason: { type: 'string', examples: ['must be <= 90'] },
  },
});

const ApiError = objectSchemaOf<ApiErrorBody>({
  type: 'object',
  description: 'The body of every 4xx and 5xx answer (docs/API.md "Errors").',
  required: ['error', 'message'],
  properties: {
    error: { enum: API_ERROR_CODES },
    message: { type: 'string', description: 'For humans; may change between versions.' },
    details: { type: 'array', items: schemaRef('ApiErrorDetail') },
    requestId: {
      type: 'string',
      description: "The request's id, as in `X-Request-Id` and the server's log: quote it when reporting a problem.",
    },
  },
});

export const errorSchemas = { ApiError, ApiErrorDetail };
