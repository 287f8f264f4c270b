import type { TrackResponse } from '@beacon/contracts';
import { ASSET_READ_MODEL, type AssetReadModel } from '@beacon/read-models';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError } from '../../http/api-error';
import { downsampleTrack } from './downsample-track';
import { GetTrackQuery } from './get-track.query';

/** Raw points read for one track before downsampling (Elasticsearch's default result window). */
export const TRACK_READ_LIMIT = 10_000;

@QueryHandler(GetTrackQuery)
export class GetTrackQueryHandler implements IQueryHandler<GetTrackQuery, TrackResponse> {
  constructor(@Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel) {}

  /** Another customer's asset is answered like a missing one, as its detail is. */
  async execute({ assetId, from, to, maxPoints, scope }: GetTrackQuery): Promise<TrackResponse> {
    const asset = await this.readModel.get(assetId, new Date());
    if (!asset || (scope !== null && asset.customerId !== scope)) {
      throw new ApiError('unknown_asset', `asset ${assetId} is not known`);
    }
    const points = await this.readModel.track({ assetId, from, to, limit: TRACK_READ_LIMIT });
    return { points: downsampleTrack(points, maxPoints) };
  }
}
