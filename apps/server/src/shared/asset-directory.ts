import { assetFold, assetStream } from '@beacon/domain';
import { EventStore, loadState } from '@beacon/event-store';
import { Injectable } from '@nestjs/common';

export interface ActiveAsset {
  customerId: string;
}

/** A registered asset as the ingest needs it: whose it is, and whether it still takes heartbeats. */
export interface KnownAsset {
  customerId: string;
  active: boolean;
}

/** How long an answer is reused: a decommission or reassignment on another replica shows within it. */
const TTL_MS = 5_000;

/**
 * Answers "may heartbeats be stored for this asset, and whose is it?" for the heartbeat hot path,
 * from the asset's stream, with a short cache. Commands on this replica invalidate at once.
 */
@Injectable()
export class AssetDirectory {
  private readonly cache = new Map<string, { asset: KnownAsset | null; until: number }>();

  constructor(private readonly store: EventStore) {}

  /**
   * The cached answer while it is fresh: the asset, or null for an id known not to be active;
   * undefined when only `lookup` can tell.
   */
  cached(assetId: string): ActiveAsset | null | undefined {
    const cached = this.cache.get(assetId);
    if (!cached || cached.until <= Date.now()) return undefined;
    return activeOnly(cached.asset);
  }

  async lookup(assetId: string): Promise<ActiveAsset | null> {
    return activeOnly(await this.describe(assetId));
  }

  /** The asset whether active or decommissioned; null when no asset has this id. */
  async describe(assetId: string): Promise<KnownAsset | null> {
    const cached = this.cache.get(assetId);
    if (cached && cached.until > Date.now()) return cached.asset;
    const { state } = await loadState(this.store, assetStream(assetId), assetFold);
    const asset = state.status === 'none' ? null : { customerId: state.customerId, active: state.status === 'active' };
    // Unknown ids are cached too (briefly), so a device spamming an unregistered id costs little.
    this.cache.set(assetId, { asset, until: Date.now() + TTL_MS });
    return asset;
  }

  forget(assetId: string): void {
    this.cache.delete(assetId);
  }
}

function activeOnly(asset: KnownAsset | null): ActiveAsset | null {
  return asset?.active ? { customerId: asset.customerId } : null;
}
