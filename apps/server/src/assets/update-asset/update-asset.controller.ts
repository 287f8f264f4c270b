import { updateAssetSchema, type StreamVersionResponse, type UpdateAssetRequest } from '@beacon/contracts';
import { Body, Controller, Headers, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { AdminAccess } from '../../auth/access.decorators';
import { ApiError } from '../../http/api-error';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { UpdateAssetCommand } from './update-asset.command';

const parse = compileSchema<UpdateAssetRequest>(updateAssetSchema);

/** `If-Match: 3` or, ETag-style, `If-Match: "3"`. */
function versionOf(ifMatch: string | undefined): number {
  const version = Number(ifMatch?.trim().replace(/^W\//, '').replace(/"/g, ''));
  if (!ifMatch || !Number.isInteger(version) || version < 1) {
    throw new ApiError('invalid_request', 'If-Match must carry the version of the asset being changed', [
      { field: 'If-Match', reason: 'must be the asset version, e.g. If-Match: 1' },
    ]);
  }
  return version;
}

@Controller('api/v1/assets')
export class UpdateAssetController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @AdminAccess()
  async update(
    @Param('id') assetId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<StreamVersionResponse> {
    const changes = parse(body);
    const command = new UpdateAssetCommand(assetId, changes, versionOf(ifMatch), requestMetadata(request, 'api'));
    return { id: assetId, version: await this.commands.execute<UpdateAssetCommand, number>(command) };
  }
}
