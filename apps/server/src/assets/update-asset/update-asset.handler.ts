import { assetStream, customerStream, decideAsset, evolveAsset, initialAssetState } from '@beacon/domain';
import { ConcurrencyError, EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssetDirectory } from '../../heartbeats/asset-directory';
import { loadStreamState } from '../../shared/load-stream-state';
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
    const { state, version } = await loadStreamState(this.store, stream, evolveAsset, initialAssetState);
    if (state.status !== 'none' && version !== expectedVersion) throw new ConcurrencyError(stream, expectedVersion, version);
    const customerId = changes.customerId
      ? { id: changes.customerId, exists: (await this.store.streamVersion(customerStream(changes.customerId))) > 0 }
      : undefined;
    const events = decideAsset(
      {
        type: 'UpdateAsset',
        data: { assetId, customerId, label: changes.label, timeoutSeconds: changes.timeoutSeconds, now: new Date(metadata.receivedAt) },
      },
      state,
    );
    if (events.length === 0) return { version, position: 0n }; // nothing changed: nothing to wait for
    const appended = await this.store.append(stream, events.map((e) => ({ ...e, metadata })), { expectedVersion: version });
    this.directory.forget(assetId);
    return appended;
  }
}
