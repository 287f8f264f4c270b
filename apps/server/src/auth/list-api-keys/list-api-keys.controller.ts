import type { ApiKeyList } from '@beacon/contracts';
import { Controller, Get } from '@nestjs/common';
import { AdminAccess } from '../access.decorators';
import { ApiKeys } from '../api-keys';

/** `GET /api/v1/api-keys`: every key ever issued, with its state — never the key or its digest. */
@Controller('api/v1/api-keys')
export class ListApiKeysController {
  constructor(private readonly keys: ApiKeys) {}

  @Get()
  @AdminAccess()
  async list(): Promise<ApiKeyList> {
    return { items: await this.keys.list() };
  }
}
