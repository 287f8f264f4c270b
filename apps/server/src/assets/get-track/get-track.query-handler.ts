import type { TrackResponse } from '@beacon/contracts';
import { assetStream, ownershipPeriods, windowsOwnedBy, type AssetEvent } from '@beacon/domain';
import { EventStore } from '@beacon/event-store';
import { ASSET_READ_MODEL, type AssetReadModel, type Track } from '@beacon/read-models';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError } from '../../http/api-error';
import { downsampleTrack } from './downsample-track';
import { GetTrackQuery } from './get-track.query';

/** Points read for one track before downsampling: the read model thins a longer window to this many (Elasticsearch's default result window). */
export const TRACK_READ_LIMIT = 10_000;

@QueryHandler(GetTrackQuery)
export class GetTrackQueryHandler implements IQueryHandler<GetTrackQuery, TrackResponse> {
  constructor(
    @Inject(ASSET_READ_MODEL) private readonly readModel: AssetReadModel,
    private readonly store: EventStore,
  ) {}

  /**
   * A customer sees the track only for the time it owned the asset (its ownership periods, from
   * the asset's events): a new owner never reads the previous owner's movements, and a previous
   * owner still reads its own. An asset the customer never owned is answered like a missing one.
   */
  async execute({ assetId, from, to, maxPoints, scope }: GetTrackQuery): Promise<TrackResponse> {
    if (scope === null) {
      if (!(await this.readModel.get(assetId, new Date()))) throw unknownAsset(assetId);
      return thinnedTo(maxPoints, [await this.readModel.track({ assetId, from, to, limit: TRACK_READ_LIMIT })]);
    }
    const events = await this.store.readStream<AssetEvent>(assetStream(assetId));
    const periods = ownershipPeriods(events);
    // A decommissioned asset is gone for every caller, as the read model answers an admin.
    if (events.some((e) => e.type === 'AssetDecommissioned') || !periods.some((p) => p.customerId === scope)) throw unknownAsset(assetId);
    const windows = windowsOwnedBy(periods, scope, from, to);
    const limit = Math.max(2, Math.floor(TRACK_READ_LIMIT / Math.max(1, windows.length)));
    const tracks: Track[] = [];
    for (const window of windows) tracks.push(await this.readModel.track({ assetId, from: window.from, to: window.to, limit }));
    return thinnedTo(maxPoints, tracks);
  }
}

/** The tracks read, one after the other, thinned to `maxPoints` with the shape of the route kept. */
function thinnedTo(maxPoints: number, tracks: Track[]): TrackResponse {
  const read = tracks.flatMap((track) => track.points);
  const points = downsampleTrack(read, maxPoints);
  return { points, thinned: points.length < read.length || tracks.some((track) => track.thinned) };
}

function unknownAsset(assetId: string): ApiError {
  return new ApiError('unknown_asset', `asset ${assetId} is not known`);
}
