import { registerAssetSchema, type RegisterAssetRequest, type StreamVersionResponse } from '@beacon/contracts';
import type { AppendResult } from '@beacon/event-store';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminAccess } from '../../auth/access.decorators';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { answerOnceReadable } from '../../read-your-writes/answer-once-readable';
import { ReadModelProgress } from '../../read-your-writes/read-model-progress';
import { RegisterAssetCommand } from './register-asset.command';

const parse = compileSchema<RegisterAssetRequest>(registerAssetSchema);

@Controller('api/v1/assets')
export class RegisterAssetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readModel: ReadModelProgress,
  ) {}

  @Post()
  @HttpCode(201)
  @AdminAccess()
  async register(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamVersionResponse> {
    const asset = parse(body);
    const command = new RegisterAssetCommand(asset, requestMetadata(request, 'api'));
    const { version, position } = await this.commands.execute<RegisterAssetCommand, AppendResult>(command);
    await answerOnceReadable(this.readModel, position, reply);
    return { id: asset.id, version };
  }
}
