import { heartbeatSchema, type HeartbeatRequest, type HeartbeatsAcceptedResponse } from '@beacon/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/access.decorators';
import { CallerIdentification } from '../../auth/caller-identification';
import { ApiError } from '../../http/api-error';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { SUMMARISED_ACCESS } from '../../logging/access-log';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult } from './record-heartbeats.command';

const PING_PATH = '/api/v1/assets/:id/heartbeats';

const parsePing = compileSchema<HeartbeatRequest>(heartbeatSchema);

type PingRequest = FastifyRequest<{ Params: { id: string } }> & AuthenticatedRequest;

/**
 * The seed-compatible ping, `POST /api/v1/assets/:id/heartbeats`: one heartbeat for one asset, body
 * optional; its one failure is the answer. The busiest route of all is a Fastify route of its own
 * rather than a Nest controller method: Nest's router, guard and parameter pipeline cost CPU on
 * every ping (decision 018 has the measurement). Everything else is shared with the Nest routes:
 * Fastify's hooks (body limit, rate limit, metrics), the caller identification of the guard, the
 * command bus and handler, and the error answers (Nest's exception layer is Fastify's error handler).
 * Devices call it: the access log summarises its answered requests (decision 051).
 */
@Injectable()
export class PingRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly callers: CallerIdentification,
    private readonly commands: CommandBus,
  ) {}

  /** Runs while the app initialises, after Nest's routes and error handler are in place. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.post<{ Params: { id: string } }>(PING_PATH, { config: SUMMARISED_ACCESS }, (request, reply) => this.ping(request, reply));
  }

  private async ping(request: PingRequest, reply: FastifyReply): Promise<HeartbeatsAcceptedResponse> {
    const caller = this.callers.principalFor(request, 'heartbeats');
    const sender = caller instanceof Promise ? await caller : caller;
    // For the access log, as the guard does for Nest's routes.
    request.principal = sender;
    const heartbeat = parsePing(request.body ?? {});
    const command = new RecordHeartbeatsCommand(
      [{ index: 0, assetId: request.params.id, heartbeat }],
      requestMetadata(request, 'ping'),
      sender,
    );
    const result = await this.commands.execute<RecordHeartbeatsCommand, RecordHeartbeatsResult>(command);
    const [failure] = result.rejected;
    if (failure) throw new ApiError(failure.error, failure.details[0]?.reason ?? 'refused', failure.details);
    void reply.code(202);
    return result;
  }
}
