import type { FastifyServerOptions } from 'fastify';

/** A single heartbeat or command is tiny; larger bodies are refused before they are parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export const fastifyOptions: FastifyServerOptions = {
  bodyLimit: BODY_LIMIT_BYTES,
  // Behind the stack's reverse proxy the client address comes from X-Forwarded-For.
  trustProxy: true,
};
