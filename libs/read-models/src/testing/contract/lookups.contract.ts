import { describe, expect, it } from '@jest/globals';
import {
  CUSTOMER_VIEWS,
  FEED_TRUCK_VIEW,
  MILK_TANKER_VIEW,
  REPORTED_CALLSIGNS,
  RYANAIR_737_VIEW,
  TRUCK_TRACK_AROUND_MIDNIGHT,
} from './contract-answers';
import {
  CRANE_TRUCK,
  FEED_TRUCK,
  FLATBED,
  GREEN,
  MILK_TANKER,
  NOW,
  REFRIGERATED_TRUCK,
  REFRIGERATED_VAN,
  RYANAIR_737,
  SAS_737_MAX,
  SAS_A320,
  SCRAPPED_TRUCK,
  TIPPER,
} from './contract-fleet';
import type { ReadModelOf } from './contract-search';

const track = (readModel: ReadModelOf, assetId: string, from: string, to: string, limit = 100) =>
  readModel().track({ assetId, from: new Date(from), to: new Date(to), limit });

export function describeLookups(readModel: ReadModelOf): void {
  describe('get', () => {
    it('answers an asset by its newest position, even when older heartbeats arrived later', async () => {
      expect(await readModel().get(MILK_TANKER, NOW)).toEqual(MILK_TANKER_VIEW);
    });

    it('applies a timeout change to the status', async () => {
      expect(await readModel().get(FEED_TRUCK, NOW)).toEqual(FEED_TRUCK_VIEW);
    });

    it('answers an aircraft as its newest heartbeat left it, and a reassigned asset with its new customer', async () => {
      expect(await readModel().get(RYANAIR_737, NOW)).toEqual(RYANAIR_737_VIEW);
      expect(await readModel().get(FLATBED, NOW)).toMatchObject({ customerId: GREEN, customerName: 'Greenfield Farms', version: 2 });
      expect(await readModel().get(REFRIGERATED_VAN, NOW)).toMatchObject({ label: 'Refrigerated van', version: 2 });
    });

    it('answers the callsign of the newest heartbeat that carried one, not an older one that came later, else the registered one', async () => {
      for (const [id, callsign] of Object.entries(REPORTED_CALLSIGNS)) {
        expect(await readModel().get(id, NOW)).toMatchObject(callsign);
      }
      // The heartbeat that brought SAS902 was older than the newest one: it moved nothing else.
      expect(await readModel().get(SAS_A320, NOW)).toMatchObject({ lastSeenAt: '2026-03-10T11:00:00.000Z', status: 'offline' });
    });

    it('keeps the newest position of a batch that arrived newest first', async () => {
      expect((await readModel().get(TIPPER, NOW))?.position).toEqual({
        lat: 59.335,
        lon: 18.06,
        altitude: null,
        speed: 0,
        heading: 0,
        timestamp: '2026-03-10T00:06:00.000Z',
      });
    });

    it('tells seen without a position from never seen', async () => {
      expect(await readModel().get(SAS_737_MAX, NOW)).toMatchObject({
        status: 'online',
        lastSeenAt: '2026-03-10T11:59:40.000Z',
        position: null,
      });
      expect(await readModel().get(CRANE_TRUCK, NOW)).toMatchObject({ status: 'unknown', lastSeenAt: null, position: null, version: 1 });
    });

    it('answers null for a decommissioned or unknown asset', async () => {
      expect(await readModel().get(SCRAPPED_TRUCK, NOW)).toBeNull();
      expect(await readModel().get('no-such-asset', NOW)).toBeNull();
    });
  });

  describe('customers', () => {
    it('lists every customer by name with its active assets counted', async () => {
      expect(await readModel().customers()).toEqual(CUSTOMER_VIEWS);
    });
  });

  describe('track', () => {
    it('answers the positions of a window across midnight UTC, oldest first, edges included', async () => {
      expect(await track(readModel, REFRIGERATED_TRUCK, '2026-03-09T23:50:00.000Z', '2026-03-10T00:10:00.000Z')).toEqual({
        points: TRUCK_TRACK_AROUND_MIDNIGHT,
        thinned: false,
      });
      const exactlyTheLimit = await track(readModel, REFRIGERATED_TRUCK, '2026-03-09T23:50:00.000Z', '2026-03-10T00:10:00.000Z', 4);
      expect(exactlyTheLimit).toEqual({ points: TRUCK_TRACK_AROUND_MIDNIGHT, thinned: false });
    });

    it('thins a window with more positions than the limit over all of it: the newest of each span of time, the newest last', async () => {
      // 20 minutes in 3 spans of 400.001 s from 23:50: 23:50 and 23:55, none, 00:05 and 00:10.
      expect(await track(readModel, REFRIGERATED_TRUCK, '2026-03-09T23:50:00.000Z', '2026-03-10T00:10:00.000Z', 3)).toEqual({
        points: [TRUCK_TRACK_AROUND_MIDNIGHT[1], TRUCK_TRACK_AROUND_MIDNIGHT[3]],
        thinned: true,
      });
      // The truck's whole day in 3 spans of 8 hours: its 12:00 position, the newest before 04:00, and the last one.
      const day = await track(readModel, REFRIGERATED_TRUCK, '2026-03-09T12:00:00.000Z', '2026-03-10T12:00:00.000Z', 3);
      expect(day.thinned).toBe(true);
      expect(day.points.map((p) => p.timestamp)).toEqual([
        '2026-03-09T12:00:00.000Z',
        '2026-03-10T00:10:00.000Z',
        '2026-03-10T11:59:30.000Z',
      ]);
    });

    it('leaves out positions a millisecond outside the window', async () => {
      const { points } = await track(readModel, REFRIGERATED_TRUCK, '2026-03-09T23:50:00.001Z', '2026-03-10T00:09:59.999Z');
      expect(points.map((p) => p.timestamp)).toEqual(['2026-03-09T23:55:00.000Z', '2026-03-10T00:05:00.000Z']);
    });

    it('answers only the asked asset, in time order whatever the arrival order', async () => {
      const { points } = await track(readModel, TIPPER, '2026-03-09T00:00:00.000Z', '2026-03-10T23:59:59.999Z');
      expect(points.map((p) => [p.timestamp, p.lat, p.lon])).toEqual([
        ['2026-03-09T23:56:00.000Z', 59.334, 18.05],
        ['2026-03-10T00:06:00.000Z', 59.335, 18.06],
      ]);
    });

    it('answers no points for an asset never heard, or a window without any', async () => {
      const none = { points: [], thinned: false };
      expect(await track(readModel, CRANE_TRUCK, '2026-03-09T00:00:00.000Z', '2026-03-10T23:59:59.999Z')).toEqual(none);
      expect(await track(readModel, REFRIGERATED_TRUCK, '2026-03-08T00:00:00.000Z', '2026-03-08T23:59:59.999Z')).toEqual(none);
    });
  });
}
