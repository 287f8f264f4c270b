import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { keyDigest, presentedKey } from '../auth/api-key';
import { ApiError } from './api-error';

/** Health checks and metrics are scraped often by the platform itself: never limited. */
const UNLIMITED = /^\/(health|metrics)(\/|$)/;

/**
 * A per-key rate limit (per client address for requests without a key): over it, 429 with
 * `Retry-After`. The key is taken as presented, before the guard checks it, so a flood of bad keys
 * is limited too, each by its own digest.
 */
export async function installRateLimit(app: NestFastifyApplication, perSecond: number): Promise<void> {
  await app.register(rateLimit, {
    max: perSecond,
    timeWindow: 1000,
    allowList: (request) => UNLIMITED.test(request.url),
    keyGenerator: (request) => {
      const key = presentedKey(request.headers, request.query as Record<string, unknown>);
      return key ? `key:${keyDigest(key).toString('hex')}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError('rate_limited', `more than ${context.max} requests per second`, undefined, Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
