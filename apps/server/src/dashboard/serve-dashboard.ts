import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built Angular dashboard at `/`, when there is a build to serve. `@fastify/static` is
 * loaded only then: API-only processes (and the in-process test app) never need it.
 */
export async function serveDashboard(app: NestFastifyApplication, dashboardDir: string | null): Promise<void> {
  if (!dashboardDir || !existsSync(join(dashboardDir, 'index.html'))) {
    new Logger('Dashboard').warn(`no dashboard build in ${dashboardDir ?? '(none)'}: serving the API only`);
    return;
  }
  const { default: fastifyStatic } = await import('@fastify/static');
  // One route per file of the build, not a catch-all: a path that is not a file stays unmatched,
  // so the API's 404 and 405 answers hold for every path (a GET on a POST-only route is 405).
  await app.register(fastifyStatic, { root: dashboardDir, wildcard: false });
}
