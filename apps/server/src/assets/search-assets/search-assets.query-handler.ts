import type { SearchAssetsResponse } from '@beacon/contracts';
import { ASSET_READ_MODEL, type AssetReadModel } from '@beacon/read-models';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SearchAssetsQuery } from './search-assets.query';

@QueryHandler(SearchAssetsQuery)
export class SearchAssetsQueryHandler implements IQueryHandler<SearchAssetsQuery, SearchAssetsResponse> {
  constructor(@Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel) {}

  execute({ criteria }: SearchAssetsQuery): Promise<SearchAssetsResponse> {
    return this.readModel.search(criteria, new Date());
  }
}
