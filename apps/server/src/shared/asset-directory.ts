import { assetFold, assetStream } from '@beacon/domain';
import { EventStore, LogListener, STREAM_APPENDED_CHANNEL, loadState } from '@beacon/event-store';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';
import { RememberedLookups } from './remembered-lookups';

export interface ActiveAsset {
  customerId: string;
}

/** A registered asset as the ingest needs it: whose it is, and whether it still takes heartbeats. */
export interface KnownAsset {
  customerId: string;
  active: boolean;
}

/**
 * How long an answer is trusted without news of its stream. Every append to an asset's stream is
 * announced as it commits (decision 052), and a listener that lost its connection forgets all once
 * it is back, so this only bounds news lost on a connection that died without saying so.
 */
const RECHECK_MS = 10 * 60_000;
/** Beyond this many remembered ids (unknown ones included) the directory starts afresh. */
const MAX_REMEMBERED = 500_000;
const ASSET_STREAM_PREFIX = assetStream('');

/**
 * Answers "may heartbeats be stored for this asset, and whose is it?" for the heartbeat hot path,
 * from the asset's stream, remembered until the stream changes: the database announces every append
 * to it (migration AnnounceStreamAppends1764002100000), whichever process made it, and a lost
 * listening connection forgets everything once it is back. So each asset costs one read of its
 * stream, not one every few seconds of its reports.
 */
@Injectable()
export class AssetDirectory implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssetDirectory.name);
  private readonly lookups = new RememberedLookups<KnownAsset | null>(RECHECK_MS, MAX_REMEMBERED);
  private readonly listener: LogListener;

  constructor(
    private readonly store: EventStore,
    @Inject(PG_POOL) pool: Pool,
  ) {
    this.listener = new LogListener(
      pool.options,
      (streamId) => {
        if (streamId === undefined) this.forgetAll();
        else if (streamId.startsWith(ASSET_STREAM_PREFIX)) this.forget(streamId.slice(ASSET_STREAM_PREFIX.length));
      },
      (error) => this.logger.warn(`asset changes: ${error.message}`),
      STREAM_APPENDED_CHANNEL,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  /**
   * The remembered answer while it is trusted: the asset, or null for an id known not to be active;
   * undefined when only `lookup` can tell.
   */
  cached(assetId: string): ActiveAsset | null | undefined {
    const recalled = this.lookups.recall(assetId);
    return recalled && activeOnly(recalled.value);
  }

  async lookup(assetId: string): Promise<ActiveAsset | null> {
    return activeOnly(await this.describe(assetId));
  }

  /** The asset whether active or decommissioned; null when no asset has this id. */
  describe(assetId: string): Promise<KnownAsset | null> {
    return this.lookups.lookUp(assetId, (id) => this.read(id));
  }

  /** The asset's stream changed: on this process, at once, before its announcement arrives. */
  forget(assetId: string): void {
    this.lookups.forget(assetId);
  }

  /** Announcements may have been missed. */
  forgetAll(): void {
    this.lookups.forgetAll();
  }

  private async read(assetId: string): Promise<KnownAsset | null> {
    const { state } = await loadState(this.store, assetStream(assetId), assetFold);
    return state.status === 'none' ? null : { customerId: state.customerId, active: state.status === 'active' };
  }
}

function activeOnly(asset: KnownAsset | null): ActiveAsset | null {
  return asset?.active ? { customerId: asset.customerId } : null;
}
