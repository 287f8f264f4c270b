import type { HeartbeatRecorded } from '@beacon/domain';

type Heartbeat = HeartbeatRecorded['data'];

export interface LatestOfAsset {
  assetId: string;
  /** The newest heartbeat's time, with or without a position. */
  seenAt: string;
  /** The newest heartbeat that carried a position, if any did. */
  position: Heartbeat | null;
}

/**
 * Collapses a batch of heartbeats to the newest per asset, so a read model writes each asset once
 * per batch. Compares instants, not arrival order: heartbeats may arrive out of order.
 */
export function latestPerAsset(heartbeats: Heartbeat[]): LatestOfAsset[] {
  const byAsset = new Map<string, LatestOfAsset>();
  for (const heartbeat of heartbeats) {
    const entry = byAsset.get(heartbeat.assetId) ?? { assetId: heartbeat.assetId, seenAt: heartbeat.timestamp, position: null };
    if (Date.parse(heartbeat.timestamp) > Date.parse(entry.seenAt)) entry.seenAt = heartbeat.timestamp;
    const hasPosition = heartbeat.lat !== null && heartbeat.lon !== null;
    if (hasPosition && (!entry.position || Date.parse(heartbeat.timestamp) > Date.parse(entry.position.timestamp))) {
      entry.position = heartbeat;
    }
    byAsset.set(heartbeat.assetId, entry);
  }
  return [...byAsset.values()];
}
