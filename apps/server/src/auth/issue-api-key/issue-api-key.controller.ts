import { issueApiKeySchema, type IssueApiKeyRequest, type IssueApiKeyResponse } from '@beacon/contracts';
import { customerStream } from '@beacon/domain';
import { EventStore } from '@beacon/event-store';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { requestMetadata } from '../../http/request-metadata';
import { compileSchema } from '../../http/schema-validator';
import { AdminAccess } from '../access.decorators';
import { ApiKeys } from '../api-keys';

const parse = compileSchema<IssueApiKeyRequest>(issueApiKeySchema);

/** `POST /api/v1/api-keys`: an admin hands out a key; it is shown in this answer and never again. */
@Controller('api/v1/api-keys')
export class IssueApiKeyController {
  constructor(
    private readonly keys: ApiKeys,
    private readonly store: EventStore,
  ) {}

  @Post()
  @HttpCode(201)
  @AdminAccess()
  async issue(@Body() body: unknown, @Req() request: FastifyRequest): Promise<IssueApiKeyResponse> {
    const { role, name, customerId, expiresAt } = parse(body);
    if (expiresAt !== undefined && !(Date.parse(expiresAt) > Date.now())) {
      throw new ApiError('invalid_request', 'expiresAt must lie in the future', [{ field: 'expiresAt', reason: 'is not in the future' }]);
    }
    if (customerId && (await this.store.streamVersion(customerStream(customerId))) === 0) {
      throw new ApiError('invalid_request', `customer ${customerId} does not exist`, [{ field: 'customerId', reason: 'unknown customer' }]);
    }
    if (role === 'admin' && customerId) {
      throw new ApiError('invalid_request', 'an admin key cannot be scoped to a customer', [
        { field: 'customerId', reason: 'not allowed for admin' },
      ]);
    }
    const issued = { role, name, customerId: customerId ?? null, expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null };
    return this.keys.issue(issued, requestMetadata(request, 'api'));
  }
}
