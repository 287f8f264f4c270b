import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { keyDigest, presentedKey } from '../auth/api-key';
import { ApiError } from './api-error';

/**
 * Route configuration (`@RouteConfig(UNLIMITED)`) for what the platform itself polls often, health
 * checks and metrics: never limited. Per route rather than an allow-list function, which the
 * limiter would call, and await, on every request.
 */
export const UNLIMITED = { rateLimit: false } as const;

/**
 * A per-key rate limit (per client address for requests without a key): over it, 429 with
 * `Retry-After` and the `X-RateLimit-*` headers. The key is taken as presented, before the guard
 * checks it, so a flood of bad keys is limited too, each by its own digest.
 */
export async function installRateLimit(app: NestFastifyApplication, perSecond: number): Promise<void> {
  await app.register(rateLimit, {
    max: perSecond,
    // Under the limit, no X-RateLimit-* headers: nothing a tracker runs reads them, and they would
    // add 80 bytes and three header writes to every heartbeat's answer (what that costs the ingest
    // benchmark: docs/performance-history.md "HTTP ingest"). A 429 still carries them, with Retry-After.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    timeWindow: 1000,
    keyGenerator: (request) => {
      const key = presentedKey(request.headers, request.query as Record<string, unknown>, request.params as Record<string, unknown>);
      return key ? `key:${keyDigest(key).hex}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError('rate_limited', `more than ${context.max} requests per second`, undefined, Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
