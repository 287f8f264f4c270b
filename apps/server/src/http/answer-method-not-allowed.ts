import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';
import { sendApiError } from './send-api-error';

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;

/**
 * A request whose path has routes, but none for its method (TRACE, PUT on a POST-only route), is
 * answered `405` with the methods the path has in `Allow` (RFC 9110 §15.5.6), not `404`: the path
 * is right, the method is not. A path only the dashboard's catch-all matches is still a 404.
 */
export function answerMethodNotAllowed(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Runs for requests no route matched only; a callback hook, as every onRequest hook here.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    const path = request.url.split('?', 1)[0] ?? request.url;
    const allowed = METHODS.filter((method) => {
      const route = fastify.findRoute({ method, url: path });
      return route !== null && !('*' in (route.params as Record<string, string>));
    });
    if (allowed.length === 0) return done();
    void reply.header('Allow', allowed.join(', '));
    sendApiError(reply, new ApiError('method_not_allowed', `${request.method} is not allowed on ${path}; it takes ${allowed.join(', ')}`));
  });
}
