import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AssetDto, PositionDto } from '@beacon/contracts';
import type { FakeClock } from '../../testing/fake-clock';
import type { FakeEventSources } from '../../testing/fake-event-source';
import { aSearchResponse, anAsset } from '../../testing/fleet-fixtures';
import { startFleetStore } from '../../testing/start-fleet-store';
import type { FleetStore } from './fleet-store';
import type { LiveEvent } from './live-stream';
import { LIVE_POLL_INTERVAL_MS, POLL_INTERVAL_MS } from './poll-schedule';

describe('FleetStore with the live stream', () => {
  let http: HttpTestingController;
  let clock: FakeClock;
  let sources: FakeEventSources;
  let store: FleetStore;

  const at = (time: string) => `2026-11-25T${time}.000Z`;
  const fleet = () => [
    anAsset({ id: 'a', status: 'online', lastSeenAt: at('11:59:50') }),
    anAsset({ id: 'b', status: 'offline', lastSeenAt: at('11:00:00') }),
  ];
  const isAssetSearch = (r: { url: string }) => r.url === '/api/v1/assets';
  const expectSearch = (): TestRequest => http.expectOne(isAssetSearch);
  const statusOf = (id: string) => store.assets().find((a) => a.id === id)?.status;

  /** Opens the stream, which asks again at once, and answers that. */
  function goLive(assets: AssetDto[] = fleet()): void {
    sources.latest.open();
    jasmine.clock().tick(0);
    expectSearch().flush(aSearchResponse(assets));
  }

  beforeEach(() => ({ http, store, clock, sources } = startFleetStore()));

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
    expect(sources.open.length).withContext('the stream closes with the app').toBe(0);
  });

  it('listens to the whole fleet, and to one customer once that filter is chosen', () => {
    expectSearch().flush(aSearchResponse([]));
    expect(sources.all.map((s) => s.url)).toEqual(['/api/v1/live']);

    store.selectCustomer('acme');
    jasmine.clock().tick(0);
    expectSearch().flush(aSearchResponse([]));
    expect(sources.all[0]?.closed).toBeTrue();
    expect(sources.latest.url).toBe('/api/v1/live?customerId=acme');

    store.selectStatus('online');
    store.search('B-AC');
    jasmine.clock().tick(1_000);
    expectSearch().flush(aSearchResponse([]));
    expect(sources.all.length).withContext('other filters do not reopen the stream').toBe(2);
  });

  it('searches and listens to the map’s area once one is chosen, and to the whole fleet again when it is cleared', () => {
    expectSearch().flush(aSearchResponse([]));
    store.selectCustomer('acme');
    jasmine.clock().tick(0);
    expectSearch().flush(aSearchResponse([]));

    store.selectArea('17.5,59.1,17.8,59.3');
    jasmine.clock().tick(0);
    expect(expectSearch().request.params.get('bbox')).toBe('17.5,59.1,17.8,59.3');
    expect(sources.latest.url).toBe('/api/v1/live?customerId=acme&bbox=17.5%2C59.1%2C17.8%2C59.3');
    expect(sources.open.length).withContext('the old stream is closed').toBe(1);

    store.selectArea('');
    jasmine.clock().tick(0);
    expect(expectSearch().request.params.has('bbox')).toBeFalse();
    expect(sources.latest.url).toBe('/api/v1/live?customerId=acme');
  });

  it('moves an asset to its new status and its count with it', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    goLive();
    sources.latest.emit('status', {
      id: 'b',
      status: 'online',
      at: at('12:00:00'),
    });

    expect(statusOf('b')).toBe('online');
    expect(store.assets().find((a) => a.id === 'b')?.lastSeenAt).toBe(at('12:00:00'));
    expect(store.counts()).toEqual({ online: 2, offline: 0, unknown: 0 });
    expect(store.total()).toBe(2);
  });

  it('drops an asset that no longer matches the status filter', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    store.selectStatus('online');
    jasmine.clock().tick(0);
    const onlineOnly = {
      ...aSearchResponse([fleet()[0] as AssetDto]),
      counts: { online: 1, offline: 1, unknown: 0 },
    };
    expectSearch().flush(onlineOnly);
    sources.latest.open();
    jasmine.clock().tick(0);
    expectSearch().flush(onlineOnly);

    sources.latest.emit('status', {
      id: 'a',
      status: 'offline',
      at: at('12:00:50'),
    });

    expect(store.assets()).toEqual([]);
    expect(store.total()).toBe(0);
    expect(store.counts()).toEqual({ online: 0, offline: 2, unknown: 0 });
  });

  it('moves an asset’s position and last seen forward, never back', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    goLive();
    const position = (time: string): PositionDto => ({
      lat: 59.2,
      lon: 17.6,
      altitude: null,
      speed: 3,
      heading: 10,
      timestamp: at(time),
    });

    sources.latest.emit('position', {
      id: 'a',
      position: position('12:00:01'),
    });
    sources.latest.emit('position', {
      id: 'a',
      position: position('11:59:00'),
    });

    const a = store.assets().find((asset) => asset.id === 'a');
    expect(a?.position).toEqual(position('12:00:01'));
    expect(a?.lastSeenAt).toBe(at('12:00:01'));
  });

  it('ignores events for assets it does not show, and events before the first answer', () => {
    sources.latest.emit('status', {
      id: 'a',
      status: 'offline',
      at: at('12:00:00'),
    });
    expectSearch().flush(aSearchResponse(fleet()));
    expect(statusOf('a')).toBe('online');

    sources.latest.emit('status', {
      id: 'zz',
      status: 'online',
      at: at('12:00:00'),
    });
    expect(store.assets().map((a) => a.id)).toEqual(['a', 'b']);
    expect(store.counts()).toEqual({ online: 1, offline: 1, unknown: 0 });
  });

  it('reloads at once with the same filters when the stream asks for a resync', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    store.selectStatus('offline');
    jasmine.clock().tick(0);
    expectSearch().flush(aSearchResponse([]));
    goLive([]);

    jasmine.clock().tick(3_000);
    sources.latest.emit('resync', { reason: 'events expired' });
    jasmine.clock().tick(0);
    const reload = expectSearch();
    expect(reload.request.params.get('status')).toBe('offline');
    reload.flush(aSearchResponse(fleet()));
    expect(store.assets().length).toBe(2);
  });

  it('polls every ten seconds while the stream is up and every second once it drops', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    goLive();

    jasmine.clock().tick(LIVE_POLL_INTERVAL_MS - 1);
    http.expectNone(isAssetSearch);
    jasmine.clock().tick(1);
    expectSearch().flush(aSearchResponse(fleet()));

    sources.latest.drop();
    jasmine.clock().tick(0);
    expectSearch().flush(aSearchResponse(fleet()));
    jasmine.clock().tick(POLL_INTERVAL_MS - 1);
    http.expectNone(isAssetSearch);
    jasmine.clock().tick(1);
    expectSearch().flush(aSearchResponse(fleet()));
  });

  it('stays fresh while the stream is up, and goes stale ten seconds after it drops', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    goLive();

    clock.advance(60_000);
    expect(store.stale()).toBeFalse();
    expect(store.lastSuccessAt()).toBe(clock.now());

    sources.latest.drop();
    const droppedAt = clock.now();
    clock.advance(10_000);
    expect(store.stale()).toBeFalse();
    clock.advance(1);
    expect(store.stale()).toBeTrue();
    expect(store.lastSuccessAt()).toBe(droppedAt);
  });

  it('goes stale at once when the stream drops while the poll is failing', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    goLive();
    jasmine.clock().tick(LIVE_POLL_INTERVAL_MS);
    expectSearch().flush(null, { status: 503, statusText: 'Unavailable' });
    expect(store.failing()).toBeTrue();
    expect(store.stale()).withContext('the stream still holds').toBeFalse();

    sources.latest.fail();
    expect(store.stale()).toBeTrue();
  });

  it('does not count the stream as fresh before the first answer', () => {
    const pending = expectSearch();
    sources.latest.open();
    clock.advance(10_001);
    expect(store.stale()).toBeTrue();
    pending.flush(aSearchResponse([]));
    expect(store.stale()).toBeFalse();
  });

  it('passes every live event on to whoever follows one asset', () => {
    expectSearch().flush(aSearchResponse(fleet()));
    const seen: LiveEvent[] = [];
    store.liveEvents.subscribe((e) => seen.push(e));
    goLive();
    sources.latest.emit('status', {
      id: 'zz',
      status: 'online',
      at: at('12:00:00'),
    });

    expect(seen).toEqual([
      {
        type: 'status',
        data: { id: 'zz', status: 'online', at: at('12:00:00') },
      },
    ]);
  });
});
