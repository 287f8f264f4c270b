import { DomainError, recordHeartbeat } from '@beacon/domain';
import type { AircraftItem } from '@beacon/ingest-formats';
import type { RejectedHeartbeat } from '../../heartbeats/record-heartbeats/record-heartbeats.command';

/**
 * The items whose heartbeat the domain would refuse for its own data (a time outside the accepted
 * window), taken out before unknown aircraft are registered: a refused item must not leave a
 * registered aircraft behind with no heartbeat. They are answered as the heartbeat handler would.
 */
export function refuseBeforeRegistering(
  items: AircraftItem[],
  receivedAt: Date,
  maxAgeDays: number,
): { items: AircraftItem[]; rejected: RejectedHeartbeat[] } {
  const kept: AircraftItem[] = [];
  const rejected: RejectedHeartbeat[] = [];
  for (const item of items) {
    try {
      recordHeartbeat(item.assetId, item.heartbeat, receivedAt, maxAgeDays);
      kept.push(item);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      rejected.push({ index: item.index, error: 'invalid_request', details: [{ field: error.field ?? '(item)', reason: error.message }] });
    }
  }
  return { items: kept, rejected };
}
