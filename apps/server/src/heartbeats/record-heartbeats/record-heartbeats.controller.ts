import { heartbeatSchema, type HeartbeatRequest, type HeartbeatsAcceptedResponse } from '@beacon/contracts';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, HeartbeatAccess, principalOf, type AuthenticatedRequest } from '../../auth/access.decorators';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../../http/api-error';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { parseHeartbeatBatch } from './heartbeat-batch';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult } from './record-heartbeats.command';

const parsePing = compileSchema<HeartbeatRequest>(heartbeatSchema);

@Controller('api/v1')
export class RecordHeartbeatsController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * The seed-compatible ping: one heartbeat for one asset, body optional. Its one failure is the
   * answer. The busiest route takes the request alone: Nest resolves every handler parameter
   * through its own promises, which is measurable at thousands of pings a second.
   */
  @Post('assets/:id/heartbeats')
  @HttpCode(202)
  @HeartbeatAccess()
  async ping(@Req() request: AuthenticatedRequest): Promise<HeartbeatsAcceptedResponse> {
    const { id: assetId } = request.params as { id: string };
    const heartbeat = parsePing(request.body ?? {});
    const command = new RecordHeartbeatsCommand([{ index: 0, assetId, heartbeat }], requestMetadata(request, 'ping'), principalOf(request));
    const result = await this.commands.execute<RecordHeartbeatsCommand, RecordHeartbeatsResult>(command);
    const [failure] = result.rejected;
    if (failure) throw new ApiError(failure.error, failure.details[0]?.reason ?? 'refused', failure.details);
    return result;
  }

  /** One heartbeat, a JSON array or NDJSON: valid items are stored even when others are refused. */
  @Post('heartbeats')
  @HttpCode(202)
  @HeartbeatAccess()
  async batch(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() sender: Principal,
  ): Promise<HeartbeatsAcceptedResponse> {
    const { items, rejected } = parseHeartbeatBatch(body);
    const source = typeof body === 'string' ? 'ndjson' : 'json';
    const command = new RecordHeartbeatsCommand(items, requestMetadata(request, source), sender, rejected);
    return this.commands.execute<RecordHeartbeatsCommand, RecordHeartbeatsResult>(command);
  }
}
