import { findUnsafeValue } from '@beacon/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';

/**
 * Bodies checked item by item where they are read, so that one bad item is rejected alone: the
 * batch endpoint's heartbeats (heartbeat-batch.ts) and the aircraft of a readsb or OpenSky document
 * (the feed readers of @beacon/ingest-formats, which refuse the rest of such a document as a whole).
 */
const ITEMIZED_BODY = /^\/api\/v1\/(heartbeats|ingest\/readsb|ingest\/opensky)\/?(\?|$)/;

/**
 * Refuses, with 400 before any handler runs, a path parameter, query parameter or JSON/form body
 * (on every route) holding text no store can keep or nesting deeper than any document Beacon reads.
 */
export function refuseUnsafeInput(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  // A callback hook, not an async one: it runs on every request, and needs no promise.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const found =
      findUnsafeValue(request.params, 'path') ??
      findUnsafeValue(request.query, 'query') ??
      (typeof request.body === 'object' && !ITEMIZED_BODY.test(request.url) ? findUnsafeValue(request.body, '') : null);
    done(found ? new ApiError('invalid_request', 'the request holds text or nesting that cannot be accepted', [found]) : undefined);
  });
}
