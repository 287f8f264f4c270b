import { DomainError, assertNever } from '@beacon/domain';
import { ConcurrencyError, HeartbeatQueueFullError } from '@beacon/event-store';
import { InvalidCursorError } from '@beacon/read-models';
import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { isElasticsearchUnavailable } from '../read-side/elasticsearch-unavailable';
import { ApiError } from './api-error';

const RETRY_AFTER_SECONDS = 5;

/** The one place where every failure becomes an HTTP answer (docs/API.md "Errors"). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof ConcurrencyError) {
    return new ApiError('version_conflict', `${error.streamId} is at version ${error.actual}`);
  }
  if (error instanceof InvalidCursorError) {
    return new ApiError('invalid_request', error.message, [{ field: 'cursor', reason: 'is not a cursor of this search' }]);
  }
  if (isElasticsearchUnavailable(error)) {
    return new ApiError('unavailable', 'the read model cannot be reached right now', undefined, RETRY_AFTER_SECONDS);
  }
  if (error instanceof HeartbeatQueueFullError) {
    // The queue drains in well under a second when the database keeps up: come back soon.
    return new ApiError('unavailable', 'too many heartbeats are waiting to be written; retry shortly', undefined, 1);
  }
  if (isDatabaseUnavailable(error)) {
    return new ApiError('unavailable', 'the event log cannot be written right now', undefined, RETRY_AFTER_SECONDS);
  }
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  if (fastifyCode === 'FST_ERR_MAX_PARAM_LENGTH') return new ApiError('invalid_request', 'a path parameter is longer than 100 characters');
  if (fastifyCode === 'FST_ERR_BAD_URL') return new ApiError('invalid_request', 'the URL is not valid (bad percent-encoding)');
  // Nest hands Fastify's own request errors (malformed JSON, body too large, unknown media type)
  // over as HttpExceptions with Fastify's status and message.
  if (error instanceof HttpException) return fromStatus(error.getStatus(), error.message);
  return new ApiError('internal_error', 'internal error');
}

function fromDomainError(error: DomainError): ApiError {
  const details = error.field ? [{ field: error.field, reason: error.message }] : undefined;
  switch (error.code) {
    case 'unknown_asset':
    case 'asset_decommissioned':
      return new ApiError('unknown_asset', error.message, details);
    case 'customer_already_exists':
    case 'asset_already_exists':
      return new ApiError('version_conflict', error.message, details);
    case 'unknown_customer':
    case 'invalid_timestamp':
    case 'timestamp_in_future':
    case 'timestamp_too_old':
      return new ApiError('invalid_request', error.message, details);
    default:
      return assertNever(error.code);
  }
}

function fromStatus(status: number, message: string): ApiError {
  // "Cannot POST /path?key=…": a phone set up with a trailing slash would get its key back in the
  // body (and in whatever logs the body). The path is enough to tell what was not found.
  if (status === 404) return new ApiError('not_found', message.replace(/\?\S*/g, ''));
  if (status === 401) return new ApiError('unauthorized', message);
  if (status === 403) return new ApiError('forbidden', message);
  if (status === 405) return new ApiError('method_not_allowed', message);
  if (status === 413) return new ApiError('payload_too_large', message);
  if (status === 415) return new ApiError('unsupported_media_type', message);
  if (status >= 500) return new ApiError('internal_error', 'internal error');
  return new ApiError('invalid_request', message);
}
