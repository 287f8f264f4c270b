import { DomainError, recordHeartbeat } from '@beacon/domain';
import { HeartbeatWriter, type NewHeartbeat } from '@beacon/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mayWriteFor } from '../../auth/principal';
import type { BeaconConfig } from '../../config/beacon-config';
import { BEACON_CONFIG } from '../../config/config.tokens';
import { BeaconMetrics } from '../../metrics/beacon-metrics';
import { AssetDirectory } from '../../shared/asset-directory';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult, type RejectedHeartbeat } from './record-heartbeats.command';

/**
 * Heartbeats are facts from devices: no stream version to check, only that the asset is registered
 * (and not decommissioned) and that the sender may write for it. Items that fail are reported by
 * index; the rest are stored once per asset and message id (or timestamp), and the promise
 * resolves after the group-commit transaction that stored them has committed.
 */
@CommandHandler(RecordHeartbeatsCommand)
export class RecordHeartbeatsHandler implements ICommandHandler<RecordHeartbeatsCommand, RecordHeartbeatsResult> {
  constructor(
    private readonly writer: HeartbeatWriter,
    private readonly assets: AssetDirectory,
    private readonly metrics: BeaconMetrics,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  async execute({ items, metadata, sender, refusedWhileParsing }: RecordHeartbeatsCommand): Promise<RecordHeartbeatsResult> {
    const receivedAt = new Date(metadata.receivedAt);
    const rows: NewHeartbeat[] = [];
    /** The request's item index of each row. */
    const itemOfRow: number[] = [];
    const rejected: RejectedHeartbeat[] = [...refusedWhileParsing];
    for (const { index, assetId, heartbeat } of items) {
      // Most lookups are answered from the directory's cache, without a promise to wait for.
      const known = this.assets.cached(assetId);
      const asset = known === undefined ? await this.assets.lookup(assetId) : known;
      if (!asset) {
        rejected.push({ index, error: 'unknown_asset', details: [{ field: 'assetId', reason: `asset ${assetId} is not registered` }] });
        continue;
      }
      if (!mayWriteFor(sender, asset.customerId)) {
        rejected.push({ index, error: 'forbidden', details: [{ field: 'assetId', reason: 'belongs to another customer' }] });
        continue;
      }
      try {
        const event = recordHeartbeat(assetId, heartbeat, receivedAt, this.config.heartbeatMaxAgeDays);
        const dedupeKey = event.data.messageId ? `m:${event.data.messageId}` : `t:${event.data.timestamp}`;
        rows.push({ dedupeKey, data: event.data, metadata });
        itemOfRow.push(index);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        rejected.push({ index, error: 'invalid_request', details: [{ field: error.field ?? '(item)', reason: error.message }] });
      }
    }
    const { stored, refused } = await this.writer.append(rows);
    // Rows PostgreSQL would not take for their data (the writer isolates them from the rest).
    for (const { index, reason } of refused) {
      rejected.push({
        index: itemOfRow[index] ?? index,
        error: 'invalid_request',
        details: [{ field: '(item)', reason: `cannot be stored: ${reason}` }],
      });
    }
    const accepted = stored.filter(Boolean).length;
    const duplicates = stored.length - accepted - refused.length;
    this.metrics.countHeartbeats({ accepted, duplicate: duplicates, rejected: rejected.length });
    // Refusals from parsing and from here, in the order of the request's items.
    if (refusedWhileParsing.length > 0 || refused.length > 0) rejected.sort((a, b) => a.index - b.index);
    return { accepted, duplicates, rejected };
  }
}
