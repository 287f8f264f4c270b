import type { FastifyRequest } from 'fastify';
import { isoNow } from '../shared/iso-now';

const SANE_CORRELATION_ID = /^[\w.:-]{1,100}$/;

/**
 * Metadata every event of a request carries: the request's correlation id and where it came from.
 * (A type alias, not an interface, so it fits the event store's open metadata record.)
 */
export type RequestMetadata = {
  correlationId: string;
  receivedAt: string;
  source: string;
};

/**
 * Reuses the caller's `X-Correlation-Id` when it sends one, so traces span systems; else the
 * request's own id, so its events lead to its access-log line and its answer's `X-Request-Id`.
 */
export function requestMetadata(request: FastifyRequest, source: string): RequestMetadata {
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && SANE_CORRELATION_ID.test(header) ? header : request.id;
  return { correlationId, receivedAt: isoNow(), source };
}
