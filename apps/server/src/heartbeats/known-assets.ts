import { assetStream } from '@beacon/domain';
import { EventStore } from '@beacon/event-store';
import { Injectable } from '@nestjs/common';

/**
 * Answers "is this a registered asset?" for the heartbeat hot path. An asset, once registered,
 * stays registered, so positive answers are cached for the life of the process; negative ones are
 * not, because the asset may be registered a moment later.
 */
@Injectable()
export class KnownAssets {
  private readonly known = new Set<string>();

  constructor(private readonly store: EventStore) {}

  async exists(assetId: string): Promise<boolean> {
    if (this.known.has(assetId)) return true;
    const registered = (await this.store.streamVersion(assetStream(assetId))) > 0;
    if (registered) this.known.add(assetId);
    return registered;
  }
}
