import { assetStream, decideAsset, evolveAsset, initialAssetState } from '@beacon/domain';
import { EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssetDirectory } from '../../heartbeats/asset-directory';
import { loadStreamState } from '../../shared/load-stream-state';
import { DecommissionAssetCommand } from './decommission-asset.command';

/** The asset leaves the fleet: its heartbeats are refused from now on, its history stays. */
@CommandHandler(DecommissionAssetCommand)
export class DecommissionAssetHandler implements ICommandHandler<DecommissionAssetCommand, AppendResult> {
  constructor(
    private readonly store: EventStore,
    private readonly directory: AssetDirectory,
  ) {}

  async execute({ assetId, metadata }: DecommissionAssetCommand): Promise<AppendResult> {
    const stream = assetStream(assetId);
    const { state, version } = await loadStreamState(this.store, stream, evolveAsset, initialAssetState);
    const events = decideAsset({ type: 'DecommissionAsset', data: { assetId, now: new Date(metadata.receivedAt) } }, state);
    const appended = await this.store.append(stream, events.map((e) => ({ ...e, metadata })), { expectedVersion: version });
    this.directory.forget(assetId);
    return appended;
  }
}
