import type { StreamVersionResponse } from '@beacon/contracts';
import type { AppendResult } from '@beacon/event-store';
import { Controller, Delete, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminAccess } from '../../auth/access.decorators';
import { requestMetadata } from '../../http/request-metadata';
import { answerOnceReadable } from '../../read-your-writes/answer-once-readable';
import { ReadModelProgress } from '../../read-your-writes/read-model-progress';
import { DecommissionAssetCommand } from './decommission-asset.command';

@Controller('api/v1/assets')
export class DecommissionAssetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModel: ReadModelProgress,
  ) {}

  @Delete(':id')
  @AdminAccess()
  async decommission(
    @Param('id') assetId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamVersionResponse> {
    const command = new DecommissionAssetCommand(assetId, requestMetadata(request, 'api'));
    const { version, position } = await this.commands.execute<DecommissionAssetCommand, AppendResult>(command);
    await answerOnceReadable(this.readModel, position, reply);
    return { id: assetId, version };
  }
}
