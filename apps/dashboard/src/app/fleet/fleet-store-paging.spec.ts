import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import { aSearchResponse, anAsset } from '../../testing/fleet-fixtures';
import { startFleetStore } from '../../testing/start-fleet-store';
import type { FleetStore } from './fleet-store';
import { POLL_INTERVAL_MS } from './poll-schedule';

/** The store reads the search a page at a time as the user scrolls, and keeps what it loaded. */
describe('FleetStore paging', () => {
  let http: HttpTestingController;
  let store: FleetStore;

  const assets = (from: number, count: number): AssetDto[] =>
    Array.from({ length: count }, (_, i) => anAsset({ id: `A${String(from + i).padStart(5, '0')}` }));
  const page = (items: AssetDto[], total: number, nextCursor: string | null): SearchAssetsResponse => ({
    ...aSearchResponse(items),
    total,
    counts: { online: total, offline: 0, unknown: 0 },
    nextCursor,
  });
  const expectSearch = (): TestRequest => http.expectOne((r) => r.url === '/api/v1/assets');
  const paramsOf = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((k) => [k, request.request.params.get(k)]));

  beforeEach(() => ({ http, store } = startFleetStore()));

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  it('loads the first page, then the next one with its cursor when asked, showing N of M', () => {
    const first = expectSearch();
    expect(paramsOf(first)).toEqual({ limit: '200' });
    first.flush(page(assets(0, 200), 450, 'c1'));
    expect([store.assets().length, store.total(), store.hasMore()]).toEqual([200, 450, true]);

    store.loadMore();
    store.loadMore(); // the table asks again while it scrolls: still one request
    const second = expectSearch();
    expect(paramsOf(second)).toEqual({ limit: '200', cursor: 'c1' });
    second.flush(page(assets(200, 200), 450, 'c2'));
    expect(store.assets().length).toBe(400);
    expect(store.assets()[200]?.id).toBe('A00200');

    store.loadMore();
    expectSearch().flush(page(assets(400, 50), 450, null));
    expect([store.assets().length, store.total(), store.hasMore()]).toEqual([450, 450, false]);
    store.loadMore();
    http.expectNone((r) => r.url === '/api/v1/assets');
  });

  it('refreshes every loaded row on a poll, in as few answers as the API allows, without shrinking the table', () => {
    expectSearch().flush(page(assets(0, 200), 5000, 'c1'));
    for (let loaded = 200; loaded < 1200; loaded += 200) {
      store.loadMore();
      expectSearch().flush(page(assets(loaded, 200), 5000, `c${loaded}`));
    }
    expect(store.assets().length).toBe(1200);

    jasmine.clock().tick(POLL_INTERVAL_MS);
    const head = expectSearch();
    expect(paramsOf(head)).toEqual({ limit: '1000' });
    head.flush(page(assets(0, 1000), 5001, 'r1'));
    expect(store.assets().length).withContext('the rows stay until the refresh is whole').toBe(1200);
    const tail = expectSearch();
    expect(paramsOf(tail)).toEqual({ limit: '200', cursor: 'r1' });
    tail.flush(page([anAsset({ id: 'NEW' }), ...assets(1000, 199)], 5001, 'r2'));

    expect(store.assets().length).toBe(1200);
    expect(store.total()).toBe(5001);
    expect(store.assets()[1000]?.id).toBe('NEW');
    store.loadMore();
    expect(paramsOf(expectSearch())).withContext('more continues after the refreshed rows').toEqual({ limit: '200', cursor: 'r2' });
  });

  it('shows an asset that moved into a later page once, where it already is', () => {
    expectSearch().flush(page(assets(0, 3), 5, 'c1'));
    store.loadMore();
    const moved = anAsset({ id: 'A00001', lastSeenAt: '2026-11-25T12:00:00.000Z' });
    expectSearch().flush(page([moved, anAsset({ id: 'A00009' })], 5, null));
    expect(store.assets().map((a) => a.id)).toEqual(['A00000', 'A00001', 'A00002', 'A00009']);
    expect(store.assets()[1]).toEqual(moved);
  });

  it('sorts server-side, starting again from the first page, as it does for a new filter', () => {
    expectSearch().flush(page(assets(0, 200), 450, 'c1'));
    store.loadMore();
    expectSearch().flush(page(assets(200, 200), 450, 'c2'));

    store.selectSort('lastSeenAt:desc');
    jasmine.clock().tick(0);
    const sorted = expectSearch();
    expect(paramsOf(sorted)).toEqual({ limit: '200', sort: 'lastSeenAt:desc' });
    sorted.flush(page(assets(0, 200), 450, 's1'));
    expect(store.assets().length).toBe(200);
    expect(store.filters().sort).toBe('lastSeenAt:desc');

    store.selectStatus('offline');
    jasmine.clock().tick(0);
    expect(paramsOf(expectSearch())).toEqual({ limit: '200', status: 'offline', sort: 'lastSeenAt:desc' });
  });

  it('asks for no more while the rows still answer the previous filters', () => {
    expectSearch().flush(page(assets(0, 200), 450, 'c1'));
    store.selectKind('aircraft');
    jasmine.clock().tick(0);
    const pending = expectSearch();
    store.loadMore();
    http.expectNone((r) => r.url === '/api/v1/assets' && r.params.has('cursor'));
    pending.flush(page([], 0, null));
    expect(store.assets()).toEqual([]);
  });
});
