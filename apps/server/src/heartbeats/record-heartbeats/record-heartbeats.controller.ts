import { heartbeatSchema, type HeartbeatRequest, type HeartbeatsAcceptedResponse } from '@beacon/contracts';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { WriteAccess } from '../../auth/access.decorators';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult } from './record-heartbeats.command';

const parse = compileSchema<HeartbeatRequest>(heartbeatSchema);

/** The seed-compatible ping: one heartbeat for one asset, body optional. */
@Controller('api/v1/assets/:id/heartbeats')
export class RecordHeartbeatController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @WriteAccess()
  async record(
    @Param('id') assetId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<HeartbeatsAcceptedResponse> {
    const heartbeat = parse(body ?? {});
    const command = new RecordHeartbeatsCommand([{ assetId, heartbeat }], requestMetadata(request, 'ping'));
    return this.commands.execute<RecordHeartbeatsCommand, RecordHeartbeatsResult>(command);
  }
}
