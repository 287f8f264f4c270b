import { assetFold, assetStream, decideAsset } from '@beacon/domain';
import { decideAndAppend, EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssetDirectory } from '../../shared/asset-directory';
import { DecommissionAssetCommand } from './decommission-asset.command';

/** The asset leaves the fleet: its heartbeats are refused from now on, its history stays. */
@CommandHandler(DecommissionAssetCommand)
export class DecommissionAssetHandler implements ICommandHandler<DecommissionAssetCommand, AppendResult> {
  constructor(
    private readonly store: EventStore,
    private readonly directory: AssetDirectory,
  ) {}

  async execute({ assetId, metadata }: DecommissionAssetCommand): Promise<AppendResult> {
    const now = new Date(metadata.receivedAt);
    const appended = await decideAndAppend(
      this.store,
      assetStream(assetId),
      assetFold,
      (state) => decideAsset({ type: 'DecommissionAsset', data: { assetId, now } }, state),
      metadata,
    );
    this.directory.forget(assetId);
    return appended;
  }
}
