import type { FastifyServerOptions } from 'fastify';

/** A single heartbeat or command is tiny; larger bodies are refused before they are read. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Batches (10,000 heartbeats) and feed documents (an OpenSky snapshot of the world) are not. */
export const BULK_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** Paths whose bodies may be bulk-sized. */
export const BULK_PATHS = /^\/api\/v1\/(heartbeats|ingest\/[a-z]+)\/?(\?|$)/;

/** The most bytes a body sent to this URL may have (once decoded, when it was compressed). */
export function bodyLimitOf(url: string): number {
  return BULK_PATHS.test(url) ? BULK_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

export const fastifyOptions: FastifyServerOptions = {
  // The largest limit of any route; `installBodyLimits` holds every other route to the small one.
  bodyLimit: BULK_BODY_LIMIT_BYTES,
  // `/api/v1/ingest/osmand/?key=…` is how phones are often set up: a trailing slash names the same route.
  routerOptions: { ignoreTrailingSlash: true },
  // No proxy is trusted here: `X-Forwarded-For` is believed only from BEACON_TRUST_PROXY's addresses
  // (set by createBeaconApp), so a client cannot claim another's address.
};
