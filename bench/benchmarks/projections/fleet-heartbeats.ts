import type { NewHeartbeat } from '@beacon/event-store';
import { benchHeartbeat, seededRandom } from '../../lib/heartbeat-data';
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
    return benchHeartbeat(asset, { timestamp, receivedAt }, track, this.random);
  }
}
