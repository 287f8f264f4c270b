import type { AssetDto } from '@beacon/contracts';
import { ASSET_READ_MODEL, type AssetReadModel } from '@beacon/read-models';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError } from '../../http/api-error';
import { GetAssetQuery } from './get-asset.query';

@QueryHandler(GetAssetQuery)
export class GetAssetQueryHandler implements IQueryHandler<GetAssetQuery, AssetDto> {
  constructor(@Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel) {}

  /** Another customer's asset is answered like a missing one: a scoped key learns nothing of it. */
  async execute({ assetId, scope }: GetAssetQuery): Promise<AssetDto> {
    const asset = await this.readModel.get(assetId, new Date());
    if (!asset || (scope !== null && asset.customerId !== scope)) {
      throw new ApiError('unknown_asset', `asset ${assetId} is not known`);
    }
    return asset;
  }
}
