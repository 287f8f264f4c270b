import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AuthenticatedRequest } from '../auth/access.decorators';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id a client or proxy sent is kept when it looks like one; anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's `genReqId`: the caller's X-Request-Id (a proxy's, say) when sane, else a fresh UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * One line per answered request: its id (also sent back in `X-Request-Id` and in error bodies),
 * method, route pattern (never the URL itself, whose query may carry a device key), status,
 * duration and the id of the key that called (never the key).
 */
export function installAccessLog(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        keyId: (request as AuthenticatedRequest).principal?.keyId ?? null,
        client: request.ip,
      },
      'request',
    );
    done();
  });
}
