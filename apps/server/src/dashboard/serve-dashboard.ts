import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDashboardNavigation } from './dashboard-navigation';

/**
 * Serves the built Angular dashboard at `/`, when there is a build to serve, and its `index.html`
 * for the dashboard's other addresses (`/assets/VIN-1?status=online`), so that a bookmarked or
 * reloaded view opens where it was. `@fastify/static` is loaded only then: API-only processes (and
 * the in-process test app, under which Jest cannot load its ES-module dependencies) never need it;
 * the e2e tests cover what is served (e2e/fleet.e2e.ts, e2e/deep-links.e2e.ts).
 */
export async function serveDashboard(app: NestFastifyApplication, dashboardDir: string | null): Promise<void> {
  if (!dashboardDir || !existsSync(join(dashboardDir, 'index.html'))) {
    new Logger('Dashboard').warn(`no dashboard build in ${dashboardDir ?? '(none)'}: serving the API only`);
    return;
  }
  const { default: fastifyStatic } = await import('@fastify/static');
  // One route per file of the build, not a catch-all: a path that is not a file stays unmatched,
  // so the API's 404 and 405 answers hold for every path (a GET on a POST-only route is 405).
  // The build holds a Brotli and a gzip copy of each text file (tools/build/precompress.mjs), sent
  // to browsers that accept them; they are not addresses of their own.
  await app.register(fastifyStatic, {
    root: dashboardDir,
    wildcard: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
  });
  const fastify = app.getHttpAdapter().getInstance();
  // For unmatched requests only, after the security headers, the 405 check and the rate limit
  // (hooks run in the order they are added), so the page carries the same policy as `/`.
  // A callback hook, as every onRequest hook here.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404 || !isDashboardNavigation(request.method, request.url, request.headers.accept)) return done();
    void reply.sendFile('index.html');
  });
}
