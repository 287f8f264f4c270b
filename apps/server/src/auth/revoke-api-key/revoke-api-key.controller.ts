import { Controller, Delete, HttpCode, Param, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestMetadata } from '../../http/request-metadata';
import { AdminAccess } from '../access.decorators';
import { ApiKeys } from '../api-keys';

/**
 * `DELETE /api/v1/api-keys/:id`: the key is refused from now on, by every process within a second
 * (see ApiKeys). Revoking a revoked key answers 204 again; an unknown id 404.
 */
@Controller('api/v1/api-keys')
export class RevokeApiKeyController {
  constructor(private readonly keys: ApiKeys) {}

  @Delete(':id')
  @HttpCode(204)
  @AdminAccess()
  async revoke(@Param('id') keyId: string, @Req() request: FastifyRequest): Promise<void> {
    await this.keys.revoke(keyId, requestMetadata(request, 'api'));
  }
}
