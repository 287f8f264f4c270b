import { assetFold, assetStream, customerStream, decideAsset } from '@beacon/domain';
import { decideAndAppend, EventStore, type AppendResult } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AssetDirectory } from '../../shared/asset-directory';
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
    const customerExists = (await this.store.streamVersion(customerStream(asset.customerId))) > 0;
    const appended = await decideAndAppend(
      this.store,
      assetStream(asset.id),
      assetFold,
      (state) =>
        decideAsset(
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
        ),
      metadata,
    );
    this.directory.forget(asset.id); // it may have been looked up (and found unknown) moments ago
    return appended;
  }
}
