import { assetStream, customerStream, decideAsset, evolveAsset, initialAssetState } from '@beacon/domain';
import { EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssetDirectory } from '../../heartbeats/asset-directory';
import { loadStreamState } from '../../shared/load-stream-state';
import { RegisterAssetCommand } from './register-asset.command';

/**
 * Load, decide, append. The append expects the version the stream was read at, so two
 * registrations of one device id racing each other end with one winner and one 409.
 */
@CommandHandler(RegisterAssetCommand)
export class RegisterAssetHandler implements ICommandHandler<RegisterAssetCommand, AppendResult> {
  constructor(
    private readonly store: EventStore,
    private readonly directory: AssetDirectory,
  ) {}

  async execute({ asset, metadata }: RegisterAssetCommand): Promise<AppendResult> {
    const stream = assetStream(asset.id);
    const { state, version } = await loadStreamState(this.store, stream, evolveAsset, initialAssetState);
    const customerExists = (await this.store.streamVersion(customerStream(asset.customerId))) > 0;
    const events = decideAsset(
      {
        type: 'RegisterAsset',
        data: {
          assetId: asset.id,
          kind: asset.kind,
          customerId: asset.customerId,
          customerExists,
          registration: asset.registration ?? null,
          label: asset.label ?? null,
          callsign: asset.callsign ?? null,
          icao24: asset.icao24 ?? null,
          timeoutSeconds: asset.timeoutSeconds ?? null,
          now: new Date(metadata.receivedAt),
        },
      },
      state,
    );
    const appended = await this.store.append(stream, events.map((e) => ({ ...e, metadata })), { expectedVersion: version });
    this.directory.forget(asset.id); // it may have been looked up (and found unknown) moments ago
    return appended;
  }
}
