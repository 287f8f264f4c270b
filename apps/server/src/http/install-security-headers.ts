import cors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

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
 * The headers helmet sets for the policy above, worked out once: helmet's middleware is run
 * against a response that only records them. They are the same for every answer, so running its
 * dozen middlewares, each calling `setHeader`, per request (a twentieth of the ingest role's CPU
 * under single-heartbeat load) bought nothing (decision 047).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = helmetHeaders();

function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let ran = false;
  helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, strictTransportSecurity: false, crossOriginEmbedderPolicy: false })(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
      ran = true;
    },
  );
  if (!ran) throw new Error('helmet did not finish synchronously: its headers cannot be worked out once');
  return headers;
}

/**
 * Security headers on every answer (helmet: the policy above, no sniffing, no framing, no referrer
 * across origins; HSTS is left to the TLS-terminating proxy, which alone knows the scheme), and
 * CORS closed unless `BEACON_CORS_ORIGINS` lists the origins whose pages may call the API.
 *
 * They are Fastify reply headers, not `setHeader` calls on the raw response: when every header is
 * Fastify's, Node writes the head straight from Fastify's object instead of copying each header
 * through `setHeader` first. A route that takes the raw response over (the live stream) writes
 * Fastify's reply headers into its own head.
 */
export async function installSecurityHeaders(app: NestFastifyApplication, corsOrigins: readonly string[]): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    done();
  });
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
