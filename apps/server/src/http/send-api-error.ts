import { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toApiError } from './to-api-error';

const logger = new Logger('HttpError');

/** Writes the JSON error body; used by the Nest exception filter and Fastify's error handler. */
export function sendApiError(reply: FastifyReply, error: unknown): void {
  const apiError = toApiError(error);
  if (apiError.status >= 500)
    logger.error(`request ${reply.request.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (apiError.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(apiError.retryAfterSeconds));
  void reply
    .status(apiError.status)
    .type('application/json')
    .send({ ...apiError.toBody(), requestId: reply.request.id });
}
