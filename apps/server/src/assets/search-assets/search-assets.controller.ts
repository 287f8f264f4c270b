import type { SearchAssetsResponse } from '@beacon/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, ReadAccess } from '../../auth/access.decorators';
import { readScope, type Principal } from '../../auth/principal';
import { SearchAssetsQuery } from './search-assets.query';
import { parseSearchParams } from './search-params';

@Controller('api/v1/assets')
export class SearchAssetsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ReadAccess()
  search(@Query() query: Record<string, string>, @CurrentPrincipal() caller: Principal): Promise<SearchAssetsResponse> {
    return this.queries.execute(new SearchAssetsQuery(parseSearchParams(query), readScope(caller)));
  }
}
