import { registerCustomerSchema, type RegisterCustomerRequest, type StreamVersionResponse } from '@beacon/contracts';
import type { AppendResult } from '@beacon/event-store';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AdminAccess } from '../../auth/access.decorators';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { answerOnceReadable } from '../../read-your-writes/answer-once-readable';
import { ReadModelProgress } from '../../read-your-writes/read-model-progress';
import { RegisterCustomerCommand } from './register-customer.command';

const parse = compileSchema<RegisterCustomerRequest>(registerCustomerSchema);

@Controller('api/v1/customers')
export class RegisterCustomerController {
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
    const input = parse(body);
    const id = input.id ?? randomUUID();
    const command = new RegisterCustomerCommand(id, input.name, input.address ?? null, requestMetadata(request, 'api'));
    const { version, position } = await this.commands.execute<RegisterCustomerCommand, AppendResult>(command);
    await answerOnceReadable(this.readModel, position, reply);
    return { id, version };
  }
}
