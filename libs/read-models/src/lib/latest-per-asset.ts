import { applyHeartbeat, callsignOf, positionOf, seenFrom, type AssetMovement, type HeartbeatRecorded } from '@beacon/domain';

/** The movement a batch brings for one asset; it has at least one heartbeat, so it was seen. */
export interface LatestOfAsset extends AssetMovement {
  assetId: string;
  lastSeenAt: string;
}

/**
 * Collapses a batch of heartbeats to the newest per asset with the asset view's own rule (newest
 * time wins, not arrival order), so a read model writes each asset once per batch.
 */
export function latestPerAsset(heartbeats: HeartbeatRecorded['data'][]): LatestOfAsset[] {
  const byAsset = new Map<string, LatestOfAsset>();
  for (const heartbeat of heartbeats) {
    const { assetId } = heartbeat;
    const seen = byAsset.get(assetId);
    byAsset.set(assetId, seen ? applyHeartbeat(seen, heartbeat) : { assetId, ...seenFrom(heartbeat), ...reported(heartbeat) });
  }
  return [...byAsset.values()];
}

/** What a batch's first heartbeat of an asset says of its position and callsign; null where it says nothing. */
function reported(heartbeat: HeartbeatRecorded['data']): Pick<AssetMovement, 'position' | 'callsign' | 'callsignAt'> {
  return { position: positionOf(heartbeat), ...(callsignOf(heartbeat) ?? { callsign: null, callsignAt: null }) };
}
