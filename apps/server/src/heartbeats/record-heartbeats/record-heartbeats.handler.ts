import { DomainError, recordHeartbeat } from '@beacon/domain';
import { HeartbeatWriter, type NewHeartbeat } from '@beacon/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KnownAssets } from '../known-assets';
import { RecordHeartbeatsCommand, type RecordHeartbeatsResult } from './record-heartbeats.command';

/**
 * Heartbeats are facts from devices: no stream version to check, only that the asset exists.
 * Each is stored once per `(assetId, messageId)`, or `(assetId, timestamp)` without a message id;
 * the promise resolves after the group-commit transaction that stored them has committed.
 */
@CommandHandler(RecordHeartbeatsCommand)
export class RecordHeartbeatsHandler implements ICommandHandler<RecordHeartbeatsCommand, RecordHeartbeatsResult> {
  constructor(
    private readonly writer: HeartbeatWriter,
    private readonly knownAssets: KnownAssets,
  ) {}

  async execute({ items, metadata }: RecordHeartbeatsCommand): Promise<RecordHeartbeatsResult> {
    const receivedAt = new Date(metadata.receivedAt);
    const rows: NewHeartbeat[] = [];
    for (const { assetId, heartbeat } of items) {
      if (!(await this.knownAssets.exists(assetId))) {
        throw new DomainError('unknown_asset', `asset ${assetId} is not registered`);
      }
      const event = recordHeartbeat(assetId, heartbeat, receivedAt);
      rows.push({
        assetId,
        dedupeKey: event.data.messageId ? `m:${event.data.messageId}` : `t:${event.data.timestamp}`,
        occurredAt: event.data.timestamp,
        data: event.data,
        metadata,
      });
    }
    const { stored } = await this.writer.append(rows);
    const accepted = stored.filter(Boolean).length;
    return { accepted, duplicates: stored.length - accepted };
  }
}
