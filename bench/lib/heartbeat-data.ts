import type { NewHeartbeat } from '@beacon/event-store';
import { randomUUID } from 'node:crypto';

/** Where a benchmark's asset is and how it reports. */
export interface ReportingAsset {
  id: string;
  aircraft: boolean;
  /** Devices with firmware that numbers its messages; the others are deduplicated by timestamp. */
  sendsMessageIds: boolean;
}

/**
 * One heartbeat as the ingest path stores it (same data, dedupe key and metadata shape as
 * record-heartbeats.handler.ts), with plausible measurements for a vehicle or an aircraft drawn
 * from `random`.
 */
export function benchHeartbeat(
  asset: ReportingAsset,
  at: { timestamp: string; receivedAt: string },
  position: { lat: number; lon: number; heading: number },
  random: () => number,
): NewHeartbeat {
  const messageId = asset.sendsMessageIds ? randomUUID() : null;
  return {
    dedupeKey: messageId ? `m:${messageId}` : `t:${at.timestamp}`,
    data: {
      assetId: asset.id,
      timestamp: at.timestamp,
      lat: round(position.lat, 6),
      lon: round(position.lon, 6),
      altitude: round(asset.aircraft ? 9_000 + random() * 3_000 : random() * 300, 1),
      speed: round(asset.aircraft ? 220 + random() * 40 : random() * 35, 2),
      heading: round(position.heading, 1),
      accuracy: round(2 + random() * 10, 1),
      battery: round(20 + random() * 80, 0),
      messageId,
    },
    metadata: { correlationId: randomUUID(), receivedAt: at.receivedAt, source: 'api' },
  };
}

/** mulberry32: tiny, fast and good enough for test data; seeded, so runs compare. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
