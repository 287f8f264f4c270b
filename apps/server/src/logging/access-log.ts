import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { AuthenticatedRequest } from '../auth/access.decorators';
import { AccessSummary } from './access-summary';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id a client or proxy sent is kept when it looks like one; anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The Fastify route config (`@RouteConfig(SUMMARISED_ACCESS)` on a Nest handler, `config` on a
 * Fastify route) of routes that devices call: their answered requests are summarised rather than
 * logged one by one (decision 051).
 */
export const SUMMARISED_ACCESS = { accessLog: 'summarised' } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    accessLog?: 'summarised';
  }
}

/** Fastify's `genReqId`: the caller's X-Request-Id (a proxy's, say) when sane, else a fresh UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * One line per answered request: its id (also sent back in `X-Request-Id` and in error bodies),
 * method, route pattern (never the URL itself, whose query may carry a device key), status,
 * duration and the id of the key that called (never the key).
 *
 * Routes marked `SUMMARISED_ACCESS` carry device traffic, thousands of requests a second: their
 * successful requests get a line each only at `debug`. At `info` they are counted, and every
 * `summarySeconds` (and as the server closes) each such route that was called gets one
 * `requests summarised` line: requests by status, mean and longest duration, distinct keys.
 * Their failures (status 400 and up) still get a line each, as every other route's requests do.
 */
export function installAccessLog(app: NestFastifyApplication, summarySeconds: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const summary = new AccessSummary();
  // Fastify's logger is Beacon's pino logger (app.factory.ts), whose level is set once.
  const linePerDeviceRequest = (fastify.log as Logger).isLevelEnabled('debug');
  let since = performance.now();
  const writeSummary = (): void => {
    const now = performance.now();
    const seconds = Math.round((now - since) / 100) / 10;
    since = now;
    for (const traffic of summary.take()) fastify.log.info({ ...traffic, seconds }, 'requests summarised');
  };
  const timer = setInterval(writeSummary, summarySeconds * 1000).unref();
  fastify.addHook('onClose', (_instance, done) => {
    clearInterval(timer);
    writeSummary();
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.routeOptions.config.accessLog === SUMMARISED_ACCESS.accessLog) {
      const keyId = (request as AuthenticatedRequest).principal?.keyId ?? null;
      summary.count(request.method, request.routeOptions.url ?? '(no route)', reply.statusCode, durationOf(reply), keyId);
      if (reply.statusCode < 400) {
        if (linePerDeviceRequest) request.log.debug(accessLine(request, reply), 'request');
        done();
        return;
      }
    }
    request.log.info(accessLine(request, reply), 'request');
    done();
  });
}

function accessLine(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  return {
    method: request.method,
    route: request.routeOptions.url ?? '(no route)',
    status: reply.statusCode,
    ms: durationOf(reply),
    keyId: (request as AuthenticatedRequest).principal?.keyId ?? null,
    client: request.ip,
  };
}

function durationOf(reply: FastifyReply): number {
  return Math.round(reply.elapsedTime * 10) / 10;
}
