import type { HeartbeatRecorded } from '@beacon/domain';
import fc from 'fast-check';
import { latestPerAsset } from './latest-per-asset';

type Heartbeat = HeartbeatRecorded['data'];

const heartbeat = (assetId: string, ms: number, positioned: boolean): Heartbeat => ({
  assetId,
  timestamp: new Date(ms).toISOString(),
  lat: positioned ? 59 : null,
  lon: positioned ? 18 : null,
  altitude: null,
  speed: null,
  heading: null,
  accuracy: null,
  battery: null,
  messageId: null,
});

const arbitraryHeartbeat = fc
  .tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), fc.boolean())
  .map(([asset, ms, positioned, calling]) => ({ ...heartbeat(asset, ms, positioned), ...(calling ? { callsign: `C${ms}` } : {}) }));

describe('latestPerAsset', () => {
  it('keeps the newest heartbeat, the newest position and the newest callsign per asset, whatever the arrival order', () => {
    fc.assert(
      fc.property(fc.array(arbitraryHeartbeat, { maxLength: 60 }), (batch) => {
        const latest = latestPerAsset(batch);
        expect(latest.map((l) => l.assetId).sort()).toEqual([...new Set(batch.map((h) => h.assetId))].sort());
        for (const entry of latest) {
          const own = batch.filter((h) => h.assetId === entry.assetId);
          const newest = Math.max(...own.map((h) => Date.parse(h.timestamp)));
          expect(Date.parse(entry.lastSeenAt)).toBe(newest);
          const positioned = own.filter((h) => h.lat !== null);
          const newestPosition = positioned.length ? Math.max(...positioned.map((h) => Date.parse(h.timestamp))) : null;
          expect(entry.position ? Date.parse(entry.position.timestamp) : null).toBe(newestPosition);
          const calling = own.filter((h) => h.callsign !== undefined);
          const newestCallsign = calling.length ? Math.max(...calling.map((h) => Date.parse(h.timestamp))) : null;
          expect(entry.callsign).toBe(newestCallsign === null ? null : `C${newestCallsign}`);
          expect(entry.callsignAt).toBe(newestCallsign === null ? null : new Date(newestCallsign).toISOString());
        }
      }),
    );
  });

  it('gives the same answer for any order of the same batch', () => {
    fc.assert(
      fc.property(fc.array(arbitraryHeartbeat, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (batch, seeds) => {
        const shuffled = [...batch].sort(() => (seeds.next().value % 3) - 1);
        const key = (b: Heartbeat[]) =>
          latestPerAsset(b)
            .map((l) => `${l.assetId}:${l.lastSeenAt}:${l.position?.timestamp ?? '-'}`)
            .sort();
        expect(key(shuffled)).toEqual(key(batch));
      }),
    );
  });
});
