import type { ApiErrorBody } from '../api-error';
import type { Reference, Response } from './openapi-types';

const allow = {
  Allow: { description: 'The methods the path takes, e.g. `POST` or `GET, HEAD, POST`.', schema: { type: 'string' } },
};

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } },
};

function errorResponse(description: string, example: ApiErrorBody, headers?: Response['headers']): Response {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' }, example } },
  };
}

/** The error answers of docs/API.md "Errors", one per status, each with the codes it carries. */
const ERRORS = {
  400: [
    'BadRequest',
    errorResponse('`invalid_request`: the body, a query parameter or a header is invalid.', {
      error: 'invalid_request',
      message: 'request body is invalid',
      details: [{ field: 'lat', reason: 'must be <= 90' }],
    }),
  ],
  401: [
    'Unauthorized',
    errorResponse('`unauthorized`: no API key, or one Beacon does not know.', {
      error: 'unauthorized',
      message: 'an API key is required (Authorization: Bearer <key>)',
    }),
  ],
  403: [
    'Forbidden',
    errorResponse("`forbidden`: the key's role or customer scope does not allow this.", {
      error: 'forbidden',
      message: 'a viewer key may not do this',
    }),
  ],
  404: [
    'NotFound',
    errorResponse('`unknown_asset` (not registered, or decommissioned) or `not_found`.', {
      error: 'unknown_asset',
      message: 'asset YS2R4X20005399401 is not registered',
    }),
  ],
  405: [
    'MethodNotAllowed',
    errorResponse(
      '`method_not_allowed`: the path exists, but not for this method (TRACE, PUT, …); `Allow` lists those it takes.',
      {
        error: 'method_not_allowed',
        message: 'TRACE is not allowed on /api/v1/heartbeats; it takes POST',
      },
      allow,
    ),
  ],
  409: [
    'Conflict',
    errorResponse('`version_conflict`: it exists already, or `If-Match` named a stale version.', {
      error: 'version_conflict',
      message: 'asset-YS2R4X20005399401 is at version 3',
    }),
  ],
  413: [
    'PayloadTooLarge',
    errorResponse('`payload_too_large`: the body, or the number of heartbeats in it, is over the limit.', {
      error: 'payload_too_large',
      message: 'at most 10000 heartbeats per request, got 12000',
    }),
  ],
  415: [
    'UnsupportedMediaType',
    errorResponse(
      '`unsupported_media_type`: the Content-Type is not one this operation reads, or the Content-Encoding is not gzip, deflate or identity.',
      {
        error: 'unsupported_media_type',
        message: 'Unsupported Media Type: text/plain',
      },
    ),
  ],
  429: [
    'RateLimited',
    errorResponse(
      '`rate_limited`: this key sent too many requests.',
      {
        error: 'rate_limited',
        message: 'too many requests',
      },
      retryAfter,
    ),
  ],
  503: [
    'Unavailable',
    errorResponse(
      '`unavailable`: the event log cannot be written (or read) right now; nothing was stored.',
      {
        error: 'unavailable',
        message: 'the event log cannot be written right now',
      },
      retryAfter,
    ),
  ],
} as const satisfies Record<number, readonly [string, Response]>;

export type ErrorStatus = keyof typeof ERRORS;

export const errorResponses: Record<string, Response> = Object.fromEntries(Object.values(ERRORS));

/** The `responses` entries for these error statuses, as references to `components.responses`. */
export function errors(...statuses: ErrorStatus[]): Record<string, Reference> {
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/${ERRORS[status][0]}` }]));
}
