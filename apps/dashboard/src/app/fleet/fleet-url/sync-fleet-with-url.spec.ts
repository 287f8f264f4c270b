import { dashboardAppProviders } from '../../../testing/dashboard-app-providers';
import { Location } from '@angular/common';
import { HttpTestingController } from '@angular/common/http/testing';
import type { SpyLocation } from '@angular/common/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { NavigationEnd, Router } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';
import { renderRows } from '../../../testing/render-rows';
import { aSearchResponse, anAsset } from '../../../testing/fleet-fixtures';
import { Session } from '../../session/session';
import { FleetPage } from '../fleet-page/fleet-page';
import type { FleetMapOptions } from '../fleet-map/fleet-map-view';
import { FLEET_MAP_FACTORY } from '../fleet-map/fleet-map-view';
import { MAP_ADDRESS_DEBOUNCE_MS } from './sync-fleet-with-url';

describe('the fleet page and its address', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FleetPage>;
  let location: SpyLocation;
  let router: Router;
  /** What the page gave its map: where to open, and whom to tell when it moves. */
  let mapOptions: FleetMapOptions | undefined;

  const byTestId = (id: string) => (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const isAssetSearch = (r: { url: string }) => r.url === '/api/v1/assets';
  const navigated = () => firstValueFrom(router.events.pipe(filter((e) => e instanceof NavigationEnd)));

  /** The page opened at `url`, as after a reload or a followed link. */
  async function openAt(url: string): Promise<void> {
    location.setInitialPath(url);
    const first = navigated();
    router.initialNavigation();
    jasmine.clock().tick(0);
    await first;
    fixture = TestBed.createComponent(FleetPage);
    fixture.detectChanges();
    jasmine.clock().tick(0);
    http.expectOne('/api/v1/customers').flush({ items: [] });
  }

  /** A change made on the page, then the navigation it leads to. */
  async function change(action: () => void): Promise<void> {
    const done = navigated();
    action();
    fixture.detectChanges();
    await done;
    fixture.detectChanges();
  }

  async function historyStep(step: () => void): Promise<void> {
    const done = navigated();
    step();
    jasmine.clock().tick(0);
    await done;
    fixture.detectChanges();
  }

  const flushDetail = (id: string) => {
    http.expectOne(`/api/v1/assets/${id}`).flush(anAsset({ id }));
    http.expectOne((r) => r.url === `/api/v1/assets/${id}/track`).flush({ points: [] });
  };

  beforeEach(() => {
    jasmine.clock().install();
    TestBed.configureTestingModule({
      providers: [
        ...dashboardAppProviders(),
        {
          provide: FLEET_MAP_FACTORY,
          useValue: (options: FleetMapOptions) => {
            mapOptions = options;
            return new Promise(() => undefined);
          },
        },
      ],
    });
    mapOptions = undefined;
    http = TestBed.inject(HttpTestingController);
    location = TestBed.inject(Location) as SpyLocation;
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  it('opens a linked view: its filters in the first search and the selects, its asset in the panel', async () => {
    await openAt('/assets/VIN-1?q=def&status=online&kind=vehicle');
    const params = http.expectOne(isAssetSearch).request.params;
    expect([params.get('q'), params.get('status'), params.get('kind')]).toEqual(['def', 'online', 'vehicle']);
    flushDetail('VIN-1');
    fixture.detectChanges();

    expect(byTestId('asset-detail')).not.toBeNull();
    expect((byTestId('status-filter') as HTMLSelectElement).value).toBe('online');
    expect((byTestId('search') as HTMLInputElement).value).toBe('def');
    expect(location.path()).toBe('/assets/VIN-1?q=def&status=online&kind=vehicle');
  });

  it('opens the fleet at an address it does not know', async () => {
    await openAt('/no/such/page');
    expect(http.expectOne(isAssetSearch).request.params.keys()).toEqual(['limit']);
    expect(location.path()).toBe('/');
  });

  it('gives the open asset an address, and Back and Forward close and open it again', async () => {
    await openAt('/?status=online');
    http.expectOne(isAssetSearch).flush(aSearchResponse([anAsset({ id: 'a' })]));
    await renderRows(fixture);

    await change(() => byTestId('asset-open')?.click());
    flushDetail('a');
    expect(location.path()).toBe('/assets/a?status=online');

    await historyStep(() => location.back());
    expect(location.path()).toBe('/?status=online');
    expect(byTestId('asset-detail')).toBeNull();
    expect((byTestId('status-filter') as HTMLSelectElement).value).toBe('online');

    await historyStep(() => location.forward());
    flushDetail('a');
    expect(byTestId('asset-detail')).not.toBeNull();

    await change(() => byTestId('detail-close')?.click());
    expect(location.path()).toBe('/?status=online');
    expect(byTestId('asset-detail')).toBeNull();
  });

  it('writes the filters into the address: a select as a step in the history, typing in place', async () => {
    await openAt('/');
    http.expectOne(isAssetSearch).flush(aSearchResponse([]));

    await change(() => {
      const select = byTestId('status-filter') as HTMLSelectElement;
      select.value = 'offline';
      select.dispatchEvent(new Event('change'));
    });
    expect(location.path()).toBe('/?status=offline');
    const search = byTestId('search') as HTMLInputElement;
    await change(() => {
      search.value = 'de';
      search.dispatchEvent(new Event('input'));
    });
    expect(location.path()).toBe('/?q=de&status=offline');
    expect(location.urlChanges).toEqual(['/?status=offline', 'replace: /?q=de&status=offline']);

    await historyStep(() => location.back());
    expect(location.path()).toBe('/');
    expect(search.value).toBe('');
    expect((byTestId('status-filter') as HTMLSelectElement).value).toBe('');
    jasmine.clock().tick(0);
    expect(http.match(isAssetSearch).pop()?.request.params.keys()).toEqual(['limit']);
  });

  it('opens a linked map and area, keeps where the map looks in the address in place, and its area as a step', async () => {
    const area = 'bbox=17.5,59.1,17.8,59.3';
    await openAt(`/?${area}&map=59.2,17.63,9.5`);
    expect(http.expectOne(isAssetSearch).request.params.get('bbox')).toBe('17.5,59.1,17.8,59.3');
    expect(mapOptions?.camera).toEqual({ lat: 59.2, lon: 17.63, zoom: 9.5 });
    const changesBefore = location.urlChanges.length;

    mapOptions?.onMove({
      camera: { lat: 59.3, lon: 18.07, zoom: 11 },
      area: '18,59.28,18.14,59.32',
      byUser: true,
    });
    fixture.detectChanges();
    jasmine.clock().tick(MAP_ADDRESS_DEBOUNCE_MS - 1);
    expect(location.path()).withContext('while the map may still move').toBe(`/?${area}&map=59.2,17.63,9.5`);
    await historyStep(() => jasmine.clock().tick(1));
    expect(location.path()).toBe(`/?${area}&map=59.3,18.07,11`);
    expect(location.urlChanges.slice(changesBefore)).toEqual([`replace: /?${area}&map=59.3,18.07,11`]);

    await change(() => byTestId('search-area')?.click());
    expect(location.path()).toBe('/?bbox=18,59.28,18.14,59.32&map=59.3,18.07,11');
    expect(location.urlChanges.at(-1)).withContext('a step in the history').toBe('/?bbox=18,59.28,18.14,59.32&map=59.3,18.07,11');
    jasmine.clock().tick(0);
    expect(http.match(isAssetSearch).pop()?.request.params.get('bbox')).toBe('18,59.28,18.14,59.32');

    await change(() => byTestId('clear-area')?.click());
    expect(location.path()).toBe('/?map=59.3,18.07,11');
    jasmine.clock().tick(0);
    expect(http.match(isAssetSearch).pop()?.request.params.has('bbox')).toBeFalse();
  });

  it('ignores the customer of a link for a key scoped to one customer', async () => {
    const signedIn = TestBed.inject(Session).signIn('a-key-for-one-customer', false);
    http.expectOne('/api/v1/me').flush({ role: 'viewer', customerId: 'acme', customerName: 'Acme Logistics', keyName: 'wall' });
    await signedIn;
    const navigate = spyOn(router, 'navigate').and.callThrough();
    await openAt('/?customerId=other&status=online');
    fixture.detectChanges();
    const params = http.expectOne(isAssetSearch).request.params;
    expect([params.get('customerId'), params.get('status')]).toEqual([null, 'online']);
    expect(navigate).not.toHaveBeenCalled();
  });
});
