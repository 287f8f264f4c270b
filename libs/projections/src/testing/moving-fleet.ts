import { assetStream, customerStream } from '@beacon/domain';
import type { EventStore, NewHeartbeat } from '@beacon/event-store';

/**
 * A customer's vehicles `<prefix>-0 … <prefix>-(size-1)` that all report once per tick, each tick
 * a second after the one before: heartbeats streaming in while a projector runs.
 */
export class MovingFleet {
  constructor(
    private readonly store: EventStore,
    private readonly prefix: string,
    readonly size: number,
  ) {}

  assetId(i: number): string {
    return `${this.prefix}-${i}`;
  }

  async register(): Promise<void> {
    await this.store.append(
      customerStream('acme'),
      [{ type: 'CustomerRegistered', data: { customerId: 'acme', name: 'Acme', address: null, registeredAt: '2026-11-25T00:00:00Z' } }],
      { expectedVersion: 'no_stream' },
    );
    for (let i = 0; i < this.size; i++) {
      const assetId = this.assetId(i);
      await this.store.append(
        assetStream(assetId),
        [
          {
            type: 'AssetRegistered',
            data: {
              assetId,
              kind: 'vehicle',
              customerId: 'acme',
              registration: assetId.toUpperCase(),
              label: null,
              callsign: null,
              icao24: null,
              timeoutSeconds: 60,
              registeredAt: '2026-11-25T00:00:00Z',
            },
          },
        ],
        { expectedVersion: 'no_stream' },
      );
    }
  }

  /** When tick `n` happened: the time of its heartbeats. */
  timeOf(tick: number): string {
    return new Date(Date.UTC(2026, 10, 25, 8, 0, 0) + tick * 1000).toISOString();
  }

  /** One heartbeat per vehicle, each a little further north than at the tick before. */
  tick(tick: number): NewHeartbeat[] {
    const timestamp = this.timeOf(tick);
    return Array.from({ length: this.size }, (_, i) => ({
      dedupeKey: `t:${timestamp}`,
      data: {
        assetId: this.assetId(i),
        timestamp,
        lat: 59 + tick / 10_000,
        lon: 18 + i / 100,
        altitude: null,
        speed: 10,
        heading: 0,
        accuracy: null,
        battery: null,
        messageId: null,
      },
      metadata: { correlationId: `tick-${tick}`, receivedAt: timestamp, source: 'test' },
    }));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
