import type { NewHeartbeat } from '@beacon/event-store';
import { randomUUID } from 'node:crypto';
import type { FleetAsset } from './fleet';

interface Track {
  asset: FleetAsset;
  lat: number;
  lon: number;
  heading: number;
}

/**
 * Heartbeats of the fleet as the ingest path stores them (same data, dedupe key and metadata shape
 * as record-heartbeats.handler.ts): the assets report in turn, each moving a little from its last
 * position, so every batch of the log touches as many distinct assets as it can. Positions come from
 * a seeded generator, so runs compare; the caller decides the timestamps.
 */
export class FleetHeartbeats {
  private readonly tracks: Track[];
  private readonly random = seededRandom(0xbeac0);
  private next = 0;

  constructor(assets: readonly FleetAsset[]) {
    this.tracks = assets.map((asset) => ({
      asset,
      lat: 55 + this.random() * 14,
      lon: 11 + this.random() * 13,
      heading: this.random() * 360,
    }));
  }

  /** The next asset's heartbeat at `timestampMs`; callers keep each asset's times increasing. */
  heartbeat(timestampMs: number, receivedAt: string): NewHeartbeat {
    const track = this.tracks[this.next++ % this.tracks.length] as Track;
    const { asset } = track;
    const timestamp = new Date(timestampMs).toISOString();
    track.heading = (track.heading + (this.random() - 0.5) * 20 + 360) % 360;
    const step = asset.aircraft ? 0.02 : 0.002;
    track.lat += Math.cos((track.heading * Math.PI) / 180) * step;
    track.lon += Math.sin((track.heading * Math.PI) / 180) * step * 2;
    const messageId = asset.sendsMessageIds ? randomUUID() : null;
    return {
      dedupeKey: messageId ? `m:${messageId}` : `t:${timestamp}`,
      data: {
        assetId: asset.id,
        timestamp,
        lat: round(track.lat, 6),
        lon: round(track.lon, 6),
        altitude: round(asset.aircraft ? 9_000 + this.random() * 3_000 : this.random() * 300, 1),
        speed: round(asset.aircraft ? 220 + this.random() * 40 : this.random() * 35, 2),
        heading: round(track.heading, 1),
        accuracy: round(2 + this.random() * 10, 1),
        battery: round(20 + this.random() * 80, 0),
        messageId,
      },
      metadata: { correlationId: randomUUID(), receivedAt, source: 'api' },
    };
  }
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** mulberry32: tiny, fast and good enough for test data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
