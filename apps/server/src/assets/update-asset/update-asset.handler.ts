import { assetFold, assetStream, customerStream, decideAsset } from '@beacon/domain';
import { ConcurrencyError, decideAndAppend, EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssetDirectory } from '../../shared/asset-directory';
import { UpdateAssetCommand } from './update-asset.command';

/** Load, check the client's version, decide, append with that version. Returns the new version and its position. */
@CommandHandler(UpdateAssetCommand)
export class UpdateAssetHandler implements ICommandHandler<UpdateAssetCommand, AppendResult> {
  constructor(
    private readonly store: EventStore,
    private readonly directory: AssetDirectory,
  ) {}

  async execute({ assetId, changes, expectedVersion, metadata }: UpdateAssetCommand): Promise<AppendResult> {
    const stream = assetStream(assetId);
    const customerId = changes.customerId
      ? { id: changes.customerId, exists: (await this.store.streamVersion(customerStream(changes.customerId))) > 0 }
      : undefined;
    const { label, timeoutSeconds } = changes;
    const appended = await decideAndAppend(
      this.store,
      stream,
      assetFold,
      (state, version) => {
        // The client's If-Match: a change decided on an older version of the asset is refused (409).
        if (state.status !== 'none' && version !== expectedVersion) throw new ConcurrencyError(stream, expectedVersion, version);
        return decideAsset(
          { type: 'UpdateAsset', data: { assetId, customerId, label, timeoutSeconds, now: new Date(metadata.receivedAt) } },
          state,
        );
      },
      metadata,
    );
    if (appended.position > 0n) this.directory.forget(assetId);
    return appended;
  }
}
