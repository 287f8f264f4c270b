import { IF_MATCH_PATTERN, updateAssetSchema, type StreamVersionResponse, type UpdateAssetRequest } from '@beacon/contracts';
import type { AppendResult } from '@beacon/event-store';
import { Body, Controller, Headers, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminAccess } from '../../auth/access.decorators';
import { ApiError } from '../../http/api-error';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { answerOnceReadable } from '../../read-your-writes/answer-once-readable';
import { ReadModelProgress } from '../../read-your-writes/read-model-progress';
import { UpdateAssetCommand } from './update-asset.command';

const parse = compileSchema<UpdateAssetRequest>(updateAssetSchema);

/** `If-Match: 3` or, ETag-style, `"3"` or `W/"3"`: the pattern the OpenAPI document states. */
const IF_MATCH = new RegExp(IF_MATCH_PATTERN);

function versionOf(ifMatch: string | undefined): number {
  const match = IF_MATCH.exec(ifMatch?.trim() ?? '');
  const version = Number(match?.[1] ?? match?.[2]);
  if (!Number.isSafeInteger(version)) {
    throw new ApiError('invalid_request', 'If-Match must carry the version of the asset being changed', [
      { field: 'If-Match', reason: 'must be the asset version, e.g. If-Match: 1' },
    ]);
  }
  return version;
}

@Controller('api/v1/assets')
export class UpdateAssetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModel: ReadModelProgress,
  ) {}

  @Patch(':id')
  @AdminAccess()
  async update(
    @Param('id') assetId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamVersionResponse> {
    const changes = parse(body);
    const command = new UpdateAssetCommand(assetId, changes, versionOf(ifMatch), requestMetadata(request, 'api'));
    const { version, position } = await this.commands.execute<UpdateAssetCommand, AppendResult>(command);
    await answerOnceReadable(this.readModel, position, reply);
    return { id: assetId, version };
  }
}
