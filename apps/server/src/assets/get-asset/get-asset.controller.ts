import type { AssetDto } from '@beacon/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ReadAccess } from '../../auth/access.decorators';
import { GetAssetQuery } from './get-asset.query';

@Controller('api/v1/assets')
export class GetAssetController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ReadAccess()
  get(@Param('id') id: string): Promise<AssetDto> {
    return this.queries.execute(new GetAssetQuery(id));
  }
}
