import type { HeartbeatsAcceptedResponse } from '@beacon/contracts';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, HeartbeatAccess } from '../../auth/access.decorators';
import type { Principal } from '../../auth/principal';
import { requestMetadata } from '../../http/request-metadata';
import { SUMMARISED_ACCESS } from '../../logging/access-log';
import { parseHeartbeatBatch } from './heartbeat-batch';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult } from './record-heartbeats.command';

/** The batch endpoint; the single-asset ping is `PingRoute` (ping.route.ts). */
@Controller('api/v1')
export class RecordHeartbeatsController {
  constructor(private readonly commands: CommandBus) {}

  /** One heartbeat, a JSON array or NDJSON: valid items are stored even when others are refused. */
  @Post('heartbeats')
  @HttpCode(202)
  @HeartbeatAccess()
  @RouteConfig(SUMMARISED_ACCESS)
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
