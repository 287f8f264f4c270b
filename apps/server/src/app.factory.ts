import { fastifyOptions } from '@beacon/http-edge';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { BeaconConfig } from './config/beacon-config';
import { serveDashboard } from './dashboard/serve-dashboard';
import { answerMethodNotAllowed } from './http/answer-method-not-allowed';
import { decodeContentEncoding } from './http/decode-content-encoding';
import { installBodyParsing } from './http/install-body-parsing';
import { installRateLimit } from './http/install-rate-limit';
import { installSecurityHeaders } from './http/install-security-headers';
import { refuseUnsafeInput } from './http/refuse-unsafe-input';
import { sendApiError } from './http/send-api-error';
import { installAccessLog, requestIdOf } from './logging/access-log';
import { createLogger } from './logging/create-logger';
import { NestPinoLogger } from './logging/nest-logger';
import { countHttpRequests } from './metrics/count-http-requests';

/**
 * Builds the HTTP application on a migrated database; `main.ts` and the tests both use it. Nest,
 * Fastify and the access log all write through `logger` (by default one made from the config).
 */
export async function createBeaconApp(
  config: BeaconConfig,
  databaseUrl: string,
  logger: Logger = createLogger({ level: config.logLevel, format: config.logFormat }),
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    new FastifyAdapter({
      ...fastifyOptions,
      trustProxy: config.trustProxy,
      // One access line per request is written by installAccessLog, with the fields it needs.
      loggerInstance: logger,
      logController: new LogController({ disableRequestLogging: true }),
      requestIdHeader: false,
      genReqId: requestIdOf,
      // A URL the router cannot take (a path parameter over 100 characters, bad percent-encoding) gets the JSON error body too.
      frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => sendApiError(reply, error),
      // No Nest middleware is used, so @fastify/middie, which would run on every request, is not loaded.
      skipMiddie: true,
    }),
    // Errors reach the caller (main.ts logs them and exits; tests report them) instead of exit(1).
    // Body parsing is installed below, not by Nest (see install-body-parsing.ts).
    { logger: new NestPinoLogger(logger), abortOnError: false, bodyParser: false },
  );
  installAccessLog(app, config.accessSummarySeconds);
  await installSecurityHeaders(app, config.corsOrigins);
  await installBodyParsing(app);
  decodeContentEncoding(app);
  answerMethodNotAllowed(app);
  refuseUnsafeInput(app);
  await installRateLimit(app, config.rateLimitPerSecond);
  countHttpRequests(app);
  if (config.roles.has('query')) await serveDashboard(app, config.dashboardDir);
  return app;
}
