import type { PositionDto } from '@beacon/contracts';
import { aSearchResponse, anAsset } from '../../testing/fleet-fixtures';
import type { AssetStatus, LivePositionEvent, LiveStatusEvent } from '@beacon/contracts';
import { applyEvents, withPosition, withStatus } from './live-events';

describe('live events', () => {
  const at = (time: string) => `2026-11-25T${time}.000Z`;
  const aPosition = (time: string, lat = 59.3): PositionDto => ({
    lat,
    lon: 18.1,
    altitude: null,
    speed: 10,
    heading: 180,
    timestamp: at(time),
  });

  describe('withStatus', () => {
    it('takes the new status, and an online event’s time as last seen', () => {
      const asset = anAsset({ status: 'offline', lastSeenAt: at('11:00:00') });
      expect(
        withStatus(asset, {
          id: asset.id,
          status: 'online',
          at: at('12:00:00'),
        }),
      ).toEqual({ ...asset, status: 'online', lastSeenAt: at('12:00:00') });
    });

    it('keeps last seen when the asset goes offline at its deadline', () => {
      const asset = anAsset({ status: 'online', lastSeenAt: at('11:00:00') });
      expect(
        withStatus(asset, {
          id: asset.id,
          status: 'offline',
          at: at('11:01:00'),
        }),
      ).toEqual({ ...asset, status: 'offline' });
    });

    it('ignores an event older than the last sighting', () => {
      const asset = anAsset({ status: 'online', lastSeenAt: at('12:00:00') });
      expect(
        withStatus(asset, {
          id: asset.id,
          status: 'offline',
          at: at('11:59:00'),
        }),
      ).toBe(asset);
    });

    it('returns the same object when nothing changes', () => {
      const asset = anAsset({ status: 'online', lastSeenAt: at('12:00:00') });
      expect(
        withStatus(asset, {
          id: asset.id,
          status: 'online',
          at: '2026-11-25T12:00:00Z',
        }),
      ).toBe(asset);
    });
  });

  describe('withPosition', () => {
    it('takes a newer position and its time as last seen', () => {
      const asset = anAsset({
        lastSeenAt: at('11:00:00'),
        position: aPosition('11:00:00'),
      });
      const next = aPosition('12:00:00', 60);
      expect(withPosition(asset, { id: asset.id, position: next })).toEqual({
        ...asset,
        position: next,
        lastSeenAt: at('12:00:00'),
      });
    });

    it('never moves the position or last seen backwards', () => {
      const asset = anAsset({
        lastSeenAt: at('12:00:05'),
        position: aPosition('12:00:00'),
      });
      expect(withPosition(asset, { id: asset.id, position: aPosition('11:59:00') })).toBe(asset);

      const newerPosition = aPosition('12:00:02');
      expect(withPosition(asset, { id: asset.id, position: newerPosition }))
        .withContext('a bare heartbeat at 12:00:05 stays the last sighting')
        .toEqual({ ...asset, position: newerPosition });
    });

    it('gives a first position to an asset that had none', () => {
      const asset = anAsset({
        status: 'unknown',
        lastSeenAt: null,
        position: null,
      });
      const first = aPosition('12:00:00');
      expect(withPosition(asset, { id: asset.id, position: first })).toEqual({
        ...asset,
        position: first,
        lastSeenAt: first.timestamp,
      });
    });
  });

  /** One online and two offline assets, for the page-level specs. */
  const fleet = () =>
    aSearchResponse([
      anAsset({ id: 'a', status: 'online', lastSeenAt: at('11:59:00') }),
      anAsset({ id: 'b', status: 'offline', lastSeenAt: at('10:00:00') }),
      anAsset({ id: 'c', status: 'offline', lastSeenAt: at('10:00:00') }),
    ]);
  const status = (data: LiveStatusEvent) => ({ type: 'status' as const, data });
  const moved = (data: LivePositionEvent) => ({ type: 'position' as const, data });
  /** The search's filters a row can leave: none, or a status (an area has specs of its own below). */
  const unfiltered = { status: '', bbox: '' } as const;
  const only = (status: AssetStatus) => ({ status, bbox: '' });

  describe('applyEvents: status', () => {
    it('moves one asset from its old status count to the new one', () => {
      const page = applyEvents(fleet(), [status({ id: 'b', status: 'online', at: at('12:00:00') })], unfiltered);
      expect(page.items.map((a) => [a.id, a.status])).toEqual([
        ['a', 'online'],
        ['b', 'online'],
        ['c', 'offline'],
      ]);
      expect(page.counts).toEqual({ online: 2, offline: 1, unknown: 0 });
      expect(page.total).toBe(3);
    });

    it('drops an asset that leaves the status filter from the rows and the total', () => {
      const offline = aSearchResponse([
        anAsset({ id: 'b', status: 'offline', lastSeenAt: at('10:00:00') }),
        anAsset({ id: 'c', status: 'offline', lastSeenAt: at('10:00:00') }),
      ]);
      const before = {
        ...offline,
        total: 2,
        counts: { online: 5, offline: 2, unknown: 1 },
      };

      const page = applyEvents(before, [status({ id: 'b', status: 'online', at: at('12:00:00') })], only('offline'));
      expect(page.items.map((a) => a.id)).toEqual(['c']);
      expect(page.total).toBe(1);
      expect(page.counts).toEqual({ online: 6, offline: 1, unknown: 1 });
    });

    it('keeps an asset that still matches the status filter', () => {
      const page = applyEvents(fleet(), [status({ id: 'a', status: 'online', at: at('12:00:00') })], only('online'));
      expect(page.items.length).toBe(3);
      expect(page.items[0]?.lastSeenAt).toBe(at('12:00:00'));
      expect(page.counts).toEqual(fleet().counts);
    });

    it('ignores assets that are not on the page', () => {
      const before = fleet();
      expect(applyEvents(before, [status({ id: 'zz', status: 'online', at: at('12:00:00') })], unfiltered)).toBe(before);
    });
  });

  describe('applyEvents: position', () => {
    it('updates the asset on the page and leaves the others alone', () => {
      const before = aSearchResponse([anAsset({ id: 'a' }), anAsset({ id: 'b' })]);
      const position = aPosition('12:00:00');
      const page = applyEvents(before, [moved({ id: 'b', position })], unfiltered);

      expect(page.items[0]).toBe(before.items[0]);
      expect(page.items[1]?.position).toEqual(position);
      expect(page.counts).toBe(before.counts);
    });

    it('ignores assets that are not on the page', () => {
      const before = aSearchResponse([anAsset({ id: 'a' })]);
      expect(applyEvents(before, [moved({ id: 'zz', position: aPosition('12:00:00') })], unfiltered)).toBe(before);
    });

    it('drops an asset that moves out of the searched area from the rows, the total and its count', () => {
      // Around Stockholm (lat 59.0–59.7): the fleet's 'a' is online, 'b' and 'c' offline.
      const stockholm = { status: '', bbox: '17.5,59,18.5,59.7' } as const;
      const page = applyEvents(
        fleet(),
        [
          moved({ id: 'a', position: aPosition('12:00:00', 59.86) }), // north, to Uppsala
          moved({ id: 'b', position: aPosition('12:00:00', 59.7) }), // on the edge: still inside
          moved({ id: 'a', position: aPosition('12:00:01', 59.3) }), // gone already: the next search brings it back
        ],
        stockholm,
      );
      expect(page.items.map((a) => [a.id, a.position?.lat ?? null])).toEqual([
        ['b', 59.7],
        ['c', null],
      ]);
      expect(page.total).toBe(2);
      expect(page.counts).toEqual({ online: 0, offline: 2, unknown: 0 });
    });

    it('keeps every row wherever it moves when no area is searched', () => {
      const page = applyEvents(fleet(), [moved({ id: 'a', position: aPosition('12:00:00', -33.9) })], unfiltered);
      expect(page.items.map((a) => a.id)).toEqual(['a', 'b', 'c']);
      expect(page.total).toBe(3);
    });
  });

  describe('applyEvents: a window of several', () => {
    it('applies every event in order, each to what the one before left', () => {
      const page = applyEvents(
        fleet(),
        [
          moved({ id: 'b', position: aPosition('12:00:00', 59.1) }),
          status({ id: 'b', status: 'online', at: at('12:00:00') }),
          moved({ id: 'b', position: aPosition('12:00:05', 59.2) }),
          moved({ id: 'b', position: aPosition('12:00:02', 59.9) }),
          status({ id: 'a', status: 'offline', at: at('12:00:01') }),
        ],
        unfiltered,
      );
      expect(page.items.map((a) => [a.id, a.status, a.position?.lat ?? null, a.lastSeenAt])).toEqual([
        ['a', 'offline', null, at('11:59:00')],
        ['b', 'online', 59.2, at('12:00:05')],
        ['c', 'offline', null, at('10:00:00')],
      ]);
      expect(page.counts).toEqual({ online: 1, offline: 2, unknown: 0 });
    });

    it('drops a row that left the status filter and ignores later events for it', () => {
      const before = { ...fleet(), items: fleet().items.slice(1), total: 2, counts: { online: 1, offline: 2, unknown: 0 } };
      const page = applyEvents(
        before,
        [status({ id: 'b', status: 'online', at: at('12:00:00') }), moved({ id: 'b', position: aPosition('12:00:05') })],
        only('offline'),
      );
      expect(page.items.map((a) => a.id)).toEqual(['c']);
      expect(page.total).toBe(1);
      expect(page.counts).toEqual({ online: 2, offline: 1, unknown: 0 });
    });

    it('returns the same page when no event changes a row', () => {
      const before = fleet();
      const page = applyEvents(
        before,
        [status({ id: 'a', status: 'online', at: at('11:59:00') }), moved({ id: 'zz', position: aPosition('12:00:00') })],
        unfiltered,
      );
      expect(page).toBe(before);
    });
  });
});
