export type AssetStatus = 'online' | 'offline' | 'unknown';

/**
 * Online while the last heartbeat is younger than the asset's timeout; unknown when none was ever
 * received. Computed at query time, so status never waits for a projection to run.
 */
export function assetStatus(lastSeenAt: Date | null, timeoutSeconds: number, now: Date): AssetStatus {
  if (lastSeenAt === null) return 'unknown';
  return lastSeenAt.getTime() + timeoutSeconds * 1000 > now.getTime() ? 'online' : 'offline';
}
