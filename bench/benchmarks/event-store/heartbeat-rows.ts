import type { NewHeartbeat } from '@beacon/event-store';
import { benchHeartbeat, seededRandom, type ReportingAsset } from '../../lib/heartbeat-data';

/** About the size of a mid-sized customer's fleet: enough assets that no index page is hot for long. */
export const ASSET_COUNT = 1_000;
const AIRCRAFT_EVERY = 5; // one asset in five is an aircraft

interface Asset extends ReportingAsset {
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
      rows.push(benchHeartbeat(asset, { timestamp, receivedAt }, { ...asset, heading: this.random() * 360 }, this.random));
    }
    return rows;
  }
}

/** Start of the current UTC day: heartbeats are partitioned by UTC day of `occurred_at`. */
export function startOfUtcDay(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}
