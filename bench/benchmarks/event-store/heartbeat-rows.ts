import type { NewHeartbeat } from '@beacon/event-store';
import { randomUUID } from 'node:crypto';

/** About the size of a mid-sized customer's fleet: enough assets that no index page is hot for long. */
export const ASSET_COUNT = 1_000;
const AIRCRAFT_EVERY = 5; // one asset in five is an aircraft

interface Asset {
  id: string;
  aircraft: boolean;
  /** Devices with firmware that numbers its messages; the others are deduplicated by timestamp. */
  sendsMessageIds: boolean;
  lat: number;
  lon: number;
}

/**
 * Heartbeats as the ingest path stores them (same data, dedupe key and metadata shape as
 * record-heartbeats.handler.ts), never repeating a key: row n is asset n % 1000's (n / 1000)-th
 * report, one second after its previous one, counted from the start of the current UTC day so that
 * every row lands in today's partition. Positions come from a seeded generator, so runs compare.
 */
export class HeartbeatSource {
  private readonly assets: Asset[];
  private readonly random = seededRandom(0xbeac0);
  private next = 0;

  constructor(private readonly dayStartMs: number) {
    this.assets = Array.from({ length: ASSET_COUNT }, (_, n) => ({
      id: n % AIRCRAFT_EVERY === 0 ? `4CA${n.toString(16).toUpperCase().padStart(3, '0')}` : `YS2R4X2000${String(n).padStart(7, '0')}`,
      aircraft: n % AIRCRAFT_EVERY === 0,
      sendsMessageIds: n % 2 === 0,
      lat: 55 + this.random() * 14,
      lon: 11 + this.random() * 13,
    }));
  }

  /** The next `count` heartbeats; generated outside the timed part of a run. */
  take(count: number): NewHeartbeat[] {
    const rows: NewHeartbeat[] = [];
    const receivedAt = new Date().toISOString();
    for (let i = 0; i < count; i++, this.next++) {
      const asset = this.assets[this.next % ASSET_COUNT] as Asset;
      const timestamp = new Date(this.dayStartMs + Math.floor(this.next / ASSET_COUNT) * 1_000 + (this.next % ASSET_COUNT)).toISOString();
      asset.lat += (this.random() - 0.5) * 0.002;
      asset.lon += (this.random() - 0.5) * 0.004;
      const messageId = asset.sendsMessageIds ? randomUUID() : null;
      rows.push({
        dedupeKey: messageId ? `m:${messageId}` : `t:${timestamp}`,
        data: {
          assetId: asset.id,
          timestamp,
          lat: round(asset.lat, 6),
          lon: round(asset.lon, 6),
          altitude: round(asset.aircraft ? 9_000 + this.random() * 3_000 : this.random() * 300, 1),
          speed: round(asset.aircraft ? 220 + this.random() * 40 : this.random() * 35, 2),
          heading: round(this.random() * 360, 1),
          accuracy: round(2 + this.random() * 10, 1),
          battery: round(20 + this.random() * 80, 0),
          messageId,
        },
        metadata: { correlationId: randomUUID(), receivedAt, source: 'api' },
      });
    }
    return rows;
  }
}

/** Start of the current UTC day: heartbeats are partitioned by UTC day of `occurred_at`. */
export function startOfUtcDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
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
