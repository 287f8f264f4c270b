import type { SearchAssetsResponse } from '@beacon/contracts';
import { ASSET_READ_MODEL, type AssetReadModel } from '@beacon/read-models';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SearchAssetsQuery } from './search-assets.query';

@QueryHandler(SearchAssetsQuery)
export class SearchAssetsQueryHandler implements IQueryHandler<SearchAssetsQuery, SearchAssetsResponse> {
  constructor(@Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel) {}

  /** A scoped caller searches its own customer only; asking for another finds nothing. */
  async execute({ criteria, scope }: SearchAssetsQuery): Promise<SearchAssetsResponse> {
    if (scope !== null && criteria.customerId !== undefined && criteria.customerId !== scope) {
      return { items: [], total: 0, counts: { online: 0, offline: 0, unknown: 0 }, nextCursor: null };
    }
    return this.readModel.search(scope === null ? criteria : { ...criteria, customerId: scope }, new Date());
  }
}
