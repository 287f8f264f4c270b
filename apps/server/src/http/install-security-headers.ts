import cors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';

/**
 * What a browser may do with Beacon's pages. Scripts, styles, images and connections come from
 * Beacon itself; styles may also be inline, as Angular adds its components' styles at run time
 * (the dashboard's build does not inline critical CSS, whose `onload` handler a policy would
 * block); images may be data: URLs (the API explorer's icons); workers may be blob: URLs (map
 * rendering). No page may be framed (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Security headers on every answer (helmet: the policy above, no sniffing, no framing, no referrer
 * across origins; HSTS is left to the TLS-terminating proxy, which alone knows the scheme), and
 * CORS closed unless `BEACON_CORS_ORIGINS` lists the origins whose pages may call the API.
 *
 * helmet's middleware is built once and run in an `onRequest` hook. `@fastify/helmet` built it
 * anew for every request, parsing the policy each time: a tenth of the ingest role's CPU under
 * single-heartbeat load (decision 040).
 */
export async function installSecurityHeaders(app: NestFastifyApplication, corsOrigins: readonly string[]): Promise<void> {
  const setSecurityHeaders = helmet({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => setSecurityHeaders(request.raw, reply.raw, () => done()));
  if (corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...corsOrigins],
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'x-api-key', 'content-type', 'if-match', 'last-event-id'],
      exposedHeaders: ['beacon-read-model', 'retry-after', 'x-request-id'],
      maxAge: 600,
    });
  }
}
