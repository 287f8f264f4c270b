import { BODY_LIMIT_BYTES, BULK_PATHS } from '@beacon/http-edge';
import formBody from '@fastify/formbody';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';

/**
 * Body parsing: JSON (Fastify's own parser), form bodies (OsmAnd phones post forms), NDJSON as text
 * for the batch endpoint, and nothing else (a text/plain body would otherwise reach validation as a
 * string). Nest's parsers are off: its JSON parser gathers each body as a Buffer and builds a new
 * parse function for every request, which showed in the ingest profile. Bodies over the route's
 * limit are refused by their Content-Length, before a byte is read. A JSON `null` is no body.
 */
export async function installBodyParsing(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(formBody);
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  // A callback hook, not an async one: it runs on every request, and needs no promise.
  fastify.addHook('onRequest', (request, _reply, done) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > BODY_LIMIT_BYTES && !BULK_PATHS.test(request.url)) {
      done(new ApiError('payload_too_large', `request body is larger than ${BODY_LIMIT_BYTES} bytes`));
      return;
    }
    done();
  });
  // JSON `null` parses, but no route takes it for a body: refused as a missing body is.
  fastify.addHook('preValidation', (request, _reply, done) => {
    done(
      request.body === null
        ? new ApiError('invalid_request', 'the request body is null', [{ field: '(body)', reason: 'must not be null' }])
        : undefined,
    );
  });
}
