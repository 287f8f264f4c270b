/**
 * The baseline's server, run as its own process (`bare-route.ts` forks it) so that it does not
 * share an event loop with autocannon: Fastify 5 with the Beacon server's own Fastify options
 * (body limit, trust proxy), no Nest, no validation, no database. Both heartbeat paths go to one
 * handler that parses the same JSON body (Fastify's parser, as Nest's adapter uses) and answers
 * 202 as the real endpoints do.
 */
import { fastifyOptions } from '@beacon/http-edge';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

export const BARE_ROUTE_PATHS = ['/api/v1/assets/:id/heartbeats', '/api/v1/heartbeats'] as const;

async function accept(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const body = request.body;
  void reply.code(202);
  return { accepted: Array.isArray(body) ? body.length : 1, duplicates: 0, rejected: [] };
}

async function main(): Promise<void> {
  const app = Fastify({ ...fastifyOptions, logger: false });
  for (const path of BARE_ROUTE_PATHS) app.post(path, accept);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const stop = (): void => void app.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The parent is gone (killed without a chance to stop us): do not linger.
  process.once('disconnect', stop);
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
