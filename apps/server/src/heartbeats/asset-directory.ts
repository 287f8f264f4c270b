import { assetStream, evolveAsset, initialAssetState, type AssetEvent } from '@beacon/domain';
import { EventStore } from '@beacon/event-store';
import { Injectable } from '@nestjs/common';

export interface ActiveAsset {
  customerId: string;
}

/** How long an answer is reused: a decommission or reassignment on another replica shows within it. */
const TTL_MS = 5_000;

/**
 * Answers "may heartbeats be stored for this asset, and whose is it?" for the heartbeat hot path,
 * from the asset's stream, with a short cache. Commands on this replica invalidate at once.
 */
@Injectable()
export class AssetDirectory {
  private readonly cache = new Map<string, { asset: ActiveAsset | null; until: number }>();

  constructor(private readonly store: EventStore) {}

  /**
   * The cached answer while it is fresh: the asset, or null for an id known not to be active;
   * undefined when only `lookup` can tell.
   */
  cached(assetId: string): ActiveAsset | null | undefined {
    const cached = this.cache.get(assetId);
    return cached && cached.until > Date.now() ? cached.asset : undefined;
  }

  async lookup(assetId: string): Promise<ActiveAsset | null> {
    const known = this.cached(assetId);
    if (known !== undefined) return known;
    const events = await this.store.readStream(assetStream(assetId));
    const state = events.reduce((s, e) => evolveAsset(s, { type: e.type, data: e.data } as AssetEvent), initialAssetState);
    const asset = state.status === 'active' ? { customerId: state.customerId } : null;
    // Unknown ids are cached too (briefly), so a device spamming an unregistered id costs little.
    this.cache.set(assetId, { asset, until: Date.now() + TTL_MS });
    return asset;
  }

  forget(assetId: string): void {
    this.cache.delete(assetId);
  }
}
