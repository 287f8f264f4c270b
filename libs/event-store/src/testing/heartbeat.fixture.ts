import type { NewHeartbeat } from '../lib/heartbeat-row';

/** A heartbeat for tests: at `timestamp`, deduplicated by `messageId` when given, else by time. */
export function heartbeatFixture(assetId: string, timestamp: string, messageId?: string): NewHeartbeat {
  return {
    dedupeKey: messageId ? `m:${messageId}` : `t:${timestamp}`,
    data: {
      assetId,
      timestamp,
      lat: 59.3293,
      lon: 18.0686,
      altitude: null,
      speed: 12.5,
      heading: 90,
      accuracy: null,
      battery: null,
      messageId: messageId ?? null,
    },
    metadata: { correlationId: `test-${assetId}`, receivedAt: timestamp, source: 'test' },
  };
}
