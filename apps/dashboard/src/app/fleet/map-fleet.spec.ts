import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import type { FakeEventSources } from '../../testing/fake-event-source';
import { aSearchResponse, anAsset } from '../../testing/fleet-fixtures';
import { startFleetStore } from '../../testing/start-fleet-store';
import type { FleetStore } from './fleet-store';
import { MAP_MOST_ASSETS, MAP_REDRAW_MS, MAP_REFRESH_MS, MapFleet } from './map-fleet';

/** The map shows the whole search, reading it itself once the table's rows are not all of it. */
describe('MapFleet', () => {
  let http: HttpTestingController;
  let sources: FakeEventSources;
  let store: FleetStore;
  let mapFleet: MapFleet;

  const assets = (from: number, count: number): AssetDto[] =>
    Array.from({ length: count }, (_, i) => anAsset({ id: `A${String(from + i).padStart(5, '0')}`, status: 'online' }));
  const page = (items: AssetDto[], total: number, nextCursor: string | null): SearchAssetsResponse => ({
    ...aSearchResponse(items),
    total,
    counts: { online: total, offline: 0, unknown: 0 },
    nextCursor,
  });
  const isSearch = (limit: number) => (r: { url: string; params: { get(name: string): string | null } }) =>
    r.url === '/api/v1/assets' && r.params.get('limit') === String(limit);
  /** What the table's polls are answered with: they come every second while the stream is down. */
  let tableRows: SearchAssetsResponse;
  const answerTable = (rows: SearchAssetsResponse) => {
    tableRows = rows;
    http.expectOne(isSearch(200)).flush(rows);
  };
  const mapSearch = (): TestRequest => http.expectOne(isSearch(1000));
  const cursorOf = (request: TestRequest) => request.request.params.get('cursor');
  /** Lets signals reach their observers and `ms` pass, answering the table's polls meanwhile. */
  const settle = (ms = 0) => {
    TestBed.tick();
    jasmine.clock().tick(ms);
    for (const poll of http.match(isSearch(200))) poll.flush(tableRows);
    TestBed.tick();
  };

  beforeEach(() => {
    ({ http, store, sources } = startFleetStore());
    mapFleet = TestBed.inject(MapFleet);
  });

  afterEach(() => {
    jasmine.clock().uninstall();
    http.verify();
    TestBed.resetTestingModule();
  });

  it('shows the table’s rows when they are the whole search, and reads nothing of its own', () => {
    answerTable(page(assets(0, 7), 7, null));
    settle();
    expect(mapFleet.assets().map((a) => a.id)).toEqual(assets(0, 7).map((a) => a.id));
    expect(mapFleet.leftOut()).toBe(0);
    http.expectNone((r) => r.url === '/api/v1/assets');
  });

  it('reads the whole search in the API’s largest pages when the table has only the first, showing each page as it comes', () => {
    answerTable(page(assets(0, 200), 2500, 'c1'));
    settle();
    expect(mapFleet.assets().length).withContext('the table’s rows while the map reads').toBe(200);

    const first = mapSearch();
    expect(cursorOf(first)).toBeNull();
    first.flush(page(assets(0, 1000), 2500, 'm1'));
    settle(MAP_REDRAW_MS);
    expect(mapFleet.assets().length).toBe(1000);

    const second = mapSearch();
    expect(cursorOf(second)).toBe('m1');
    second.flush(page(assets(1000, 1000), 2500, 'm2'));
    mapSearch().flush(page(assets(2000, 500), 2500, null));
    settle(MAP_REDRAW_MS);
    expect(mapFleet.assets().length).toBe(2500);
    expect(mapFleet.leftOut()).toBe(0);
  });

  it('stops at its most and says how many it leaves out', () => {
    answerTable(page(assets(0, 200), MAP_MOST_ASSETS + 5000, 'c1'));
    settle();
    for (let read = 0; read < MAP_MOST_ASSETS; read += 1000) {
      const request = mapSearch();
      request.flush(page(assets(read, 1000), MAP_MOST_ASSETS + 5000, `m${read}`));
    }
    http.expectNone(isSearch(1000));
    settle(MAP_REDRAW_MS);
    expect(mapFleet.assets().length).toBe(MAP_MOST_ASSETS);
    expect(mapFleet.leftOut()).toBe(5000);
  });

  it('moves its points with the live stream at most once per redraw pause, and reads the search again now and then', () => {
    answerTable(page(assets(0, 200), 1200, 'c1'));
    settle();
    mapSearch().flush(page(assets(0, 1000), 1200, 'm1'));
    mapSearch().flush(page(assets(1000, 200), 1200, null));
    settle(MAP_REDRAW_MS);

    sources.latest.open();
    jasmine.clock().tick(0);
    answerTable(page(assets(0, 200), 1200, 'c1'));
    const far = 'A01100';
    const position = { lat: 57.7, lon: 12, altitude: null, speed: 10, heading: 90, timestamp: new Date().toISOString() };
    sources.latest.emit('position', { id: far, position });
    settle(MAP_REDRAW_MS);
    settle(MAP_REDRAW_MS);
    expect(mapFleet.assets().find((a) => a.id === far)?.position)
      .withContext('beyond the table’s rows')
      .toEqual(position);

    settle(MAP_REFRESH_MS);
    const again = mapSearch();
    expect(cursorOf(again)).toBeNull();
    again.flush(page(assets(0, 1000), 1201, 'r1'));
    settle(MAP_REDRAW_MS);
    expect(mapFleet.assets().length).withContext('a new read replaces the fleet only when whole').toBe(1200);
    mapSearch().flush(page(assets(1000, 201), 1201, null));
    settle(MAP_REDRAW_MS);
    expect(mapFleet.assets().length).toBe(1201);
  });

  it('ignores the sort, and reads again for a new filter', () => {
    answerTable(page(assets(0, 200), 1500, 'c1'));
    settle();
    mapSearch().flush(page(assets(0, 1000), 1500, 'm1'));
    mapSearch().flush(page(assets(1000, 500), 1500, null));

    store.selectSort('registration:asc');
    jasmine.clock().tick(0);
    answerTable(page(assets(0, 200), 1500, 's1'));
    settle();
    http.expectNone(isSearch(1000));

    store.selectKind('aircraft');
    jasmine.clock().tick(0);
    answerTable(page(assets(0, 200), 1300, 'k1'));
    settle();
    const kind = mapSearch();
    expect(kind.request.params.get('kind')).toBe('aircraft');
    expect(kind.request.params.get('sort')).toBeNull();
    kind.flush(page(assets(0, 1000), 1300, 'k2'));
    mapSearch().flush(page(assets(1000, 300), 1300, null));
  });
});
