import { registerAssetSchema, type RegisterAssetRequest, type StreamVersionResponse } from '@beacon/contracts';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { AdminAccess } from '../../auth/access.decorators';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { RegisterAssetCommand } from './register-asset.command';

const parse = compileSchema<RegisterAssetRequest>(registerAssetSchema);

@Controller('api/v1/assets')
export class RegisterAssetController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @AdminAccess()
  async register(@Body() body: unknown, @Req() request: FastifyRequest): Promise<StreamVersionResponse> {
    const asset = parse(body);
    const command = new RegisterAssetCommand(asset, requestMetadata(request, 'api'));
    const version = await this.commands.execute<RegisterAssetCommand, number>(command);
    return { id: asset.id, version };
  }
}
