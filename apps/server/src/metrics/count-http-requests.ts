import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BeaconMetrics } from './beacon-metrics';

/**
 * Counts and times every answered request. The route label is the route's pattern
 * (`/api/v1/assets/:id`), not the URL, so the number of series stays bounded.
 */
export function countHttpRequests(app: NestFastifyApplication): void {
  const metrics = app.get(BeaconMetrics);
  app
    .getHttpAdapter()
    .getInstance()
    // A callback hook, not an async one: it runs on every request, and needs no promise.
    .addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
      metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      done();
    });
}
