import type { AssetDto } from '@beacon/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, ReadAccess } from '../../auth/access.decorators';
import { readScope, type Principal } from '../../auth/principal';
import { GetAssetQuery } from './get-asset.query';

@Controller('api/v1/assets')
export class GetAssetController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ReadAccess()
  get(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<AssetDto> {
    return this.queries.execute(new GetAssetQuery(id, readScope(caller)));
  }
}
