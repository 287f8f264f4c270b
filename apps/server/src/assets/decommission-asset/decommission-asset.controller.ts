import type { StreamVersionResponse } from '@beacon/contracts';
import { Controller, Delete, Param, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { AdminAccess } from '../../auth/access.decorators';
import { requestMetadata } from '../../http/request-metadata';
import { DecommissionAssetCommand } from './decommission-asset.command';

@Controller('api/v1/assets')
export class DecommissionAssetController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @AdminAccess()
  async decommission(@Param('id') assetId: string, @Req() request: FastifyRequest): Promise<StreamVersionResponse> {
    const command = new DecommissionAssetCommand(assetId, requestMetadata(request, 'api'));
    return { id: assetId, version: await this.commands.execute<DecommissionAssetCommand, number>(command) };
  }
}
