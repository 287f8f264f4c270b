import { registerCustomerSchema, type RegisterCustomerRequest, type StreamVersionResponse } from '@beacon/contracts';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AdminAccess } from '../../auth/access.decorators';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { RegisterCustomerCommand } from './register-customer.command';

const parse = compileSchema<RegisterCustomerRequest>(registerCustomerSchema);

@Controller('api/v1/customers')
export class RegisterCustomerController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @AdminAccess()
  async register(@Body() body: unknown, @Req() request: FastifyRequest): Promise<StreamVersionResponse> {
    const input = parse(body);
    const id = input.id ?? randomUUID();
    const command = new RegisterCustomerCommand(id, input.name, input.address ?? null, requestMetadata(request, 'api'));
    const version = await this.commands.execute<RegisterCustomerCommand, number>(command);
    return { id, version };
  }
}
