import type { AssetKind, AssetStatus, SearchAssetsResponse } from '@beacon/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal, ReadAccess } from '../../auth/access.decorators';
import { readScope, type Principal } from '../../auth/principal';
import { compileSchema } from '../../http/schema-validator';
import { SearchAssetsQuery } from './search-assets.query';
import { searchAssetsQuerySchema } from './search-assets.schema';

interface SearchParams {
  q?: string;
  customerId?: string;
  status?: AssetStatus | '';
  kind?: AssetKind | '';
  limit?: number;
}

const parse = compileSchema<SearchParams>(searchAssetsQuerySchema);

@Controller('api/v1/assets')
export class SearchAssetsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ReadAccess()
  search(@Query() query: Record<string, string>, @CurrentPrincipal() caller: Principal): Promise<SearchAssetsResponse> {
    const params = parse({ ...query, ...(query['limit'] !== undefined ? { limit: Number(query['limit']) } : {}) });
    return this.queries.execute(
      new SearchAssetsQuery({
        q: params.q || undefined,
        customerId: params.customerId || undefined,
        status: params.status || undefined,
        kind: params.kind || undefined,
        limit: params.limit ?? 100,
      }, readScope(caller)),
    );
  }
}
