import type { TestRequest } from '@angular/common/http/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FakeClock } from '../../testing/fake-clock';
import { aSearchResponse, anAsset } from '../../testing/fleet-fixtures';
import { startFleetStore } from '../../testing/start-fleet-store';
import type { FleetStore } from './fleet-store';
import { SEARCH_DEBOUNCE_MS } from './fleet-store';
import { POLL_INTERVAL_MS } from './poll-schedule';

describe('FleetStore', () => {
  let http: HttpTestingController;
  let clock: FakeClock;
  let store: FleetStore;

  const isAssetSearch = (r: { url: string }) => r.url === '/api/v1/assets';
  const expectSearch = (): TestRequest => http.expectOne(isAssetSearch);
  const paramsOf = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((k) => [k, request.request.params.get(k)]));

  beforeEach(() => ({ http, store, clock } = startFleetStore()));

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  it('first asks for one page of the fleet, sending only the page size', () => {
    const request = expectSearch();
    expect(request.request.method).toBe('GET');
    expect(paramsOf(request)).toEqual({ limit: '200' });
    request.flush(aSearchResponse([]));
  });

  it('exposes the assets, total and counts of the answer', () => {
    expect(store.loaded()).toBeFalse();
    const assets = [
      anAsset({ id: 'a', status: 'online' }),
      anAsset({ id: 'b', status: 'offline' }),
      anAsset({ id: 'c', status: 'offline' }),
      anAsset({ id: 'd', status: 'unknown', lastSeenAt: null }),
    ];
    expectSearch().flush({ ...aSearchResponse(assets), total: 42 });

    expect(store.assets().map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(store.total()).toBe(42);
    expect(store.counts()).toEqual({ online: 1, offline: 2, unknown: 1 });
    expect(store.loaded()).toBeTrue();
  });

  it('re-queries at once with the chosen customer, status and kind, dropping the request in flight', () => {
    const first = expectSearch();

    store.selectCustomer('acme');
    store.selectStatus('offline');
    store.selectKind('aircraft');
    jasmine.clock().tick(0);

    expect(first.cancelled).toBeTrue();
    const filtered = expectSearch();
    expect(paramsOf(filtered)).toEqual({
      limit: '200',
      customerId: 'acme',
      status: 'offline',
      kind: 'aircraft',
    });
    filtered.flush(aSearchResponse([]));
    expect(store.filters()).toEqual({
      q: '',
      customerId: 'acme',
      status: 'offline',
      kind: 'aircraft',
      sort: '',
      bbox: '',
    });
  });

  it('waits for a pause in typing before searching, and trims the text', () => {
    expectSearch().flush(aSearchResponse([]));

    store.search('B-A');
    jasmine.clock().tick(100);
    store.search(' B-AC ');
    jasmine.clock().tick(SEARCH_DEBOUNCE_MS - 1);
    http.expectNone(isAssetSearch);
    expect(store.filters().q).toBe(' B-AC ');

    jasmine.clock().tick(1);
    expect(paramsOf(expectSearch())).toEqual({ limit: '200', q: 'B-AC' });
  });

  it('clears a filter by leaving its parameter out', () => {
    expectSearch().flush(aSearchResponse([]));
    store.selectStatus('online');
    jasmine.clock().tick(0);
    expectSearch().flush(aSearchResponse([]));

    store.selectStatus('');
    jasmine.clock().tick(0);
    expect(paramsOf(expectSearch())).toEqual({ limit: '200' });
  });

  it('polls again every poll interval with the same filters', () => {
    expectSearch().flush(aSearchResponse([]));
    store.selectStatus('unknown');
    jasmine.clock().tick(0);
    expectSearch().flush(aSearchResponse([]));

    jasmine.clock().tick(POLL_INTERVAL_MS - 1);
    http.expectNone(isAssetSearch);
    jasmine.clock().tick(1);
    const next = expectSearch();
    expect(paramsOf(next)).toEqual({ limit: '200', status: 'unknown' });
    next.flush(aSearchResponse([anAsset()]));
    expect(store.assets().length).toBe(1);
  });

  it('turns stale when a request fails, retries with backoff and recovers', () => {
    expectSearch().flush(aSearchResponse([anAsset()]));
    expect(store.stale()).toBeFalse();

    jasmine.clock().tick(POLL_INTERVAL_MS);
    expectSearch().flush({ error: 'unavailable' }, { status: 503, statusText: 'Unavailable' });
    expect(store.failing()).toBeTrue();
    expect(store.stale()).toBeTrue();
    expect(store.assets().length).withContext('keeps the last good data').toBe(1);

    jasmine.clock().tick(999);
    http.expectNone(isAssetSearch);
    jasmine.clock().tick(1);
    expectSearch().flush({ error: 'unavailable' }, { status: 503, statusText: 'Unavailable' });

    jasmine.clock().tick(1_999);
    http.expectNone(isAssetSearch); // the poll tick at 4 s waits for the retry
    jasmine.clock().tick(1);
    expectSearch().flush(aSearchResponse([]));
    expect(store.failing()).toBeFalse();
    expect(store.stale()).toBeFalse();
  });

  it('turns stale when the last good answer is more than ten seconds old', () => {
    expectSearch().flush(aSearchResponse([]));
    clock.advance(10_000);
    expect(store.stale()).toBeFalse();
    clock.advance(1);
    expect(store.stale()).toBeTrue();
  });

  it('turns stale when no answer has come ten seconds after start', () => {
    const pending = expectSearch();
    clock.advance(10_001);
    expect(store.stale()).toBeTrue();
    pending.flush(aSearchResponse([]));
    expect(store.stale()).toBeFalse();
  });
});
