import { dashboardAppProviders } from '../../../testing/dashboard-app-providers';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { FakeClock } from '../../../testing/fake-clock';
import { FakeEventSources } from '../../../testing/fake-event-source';
import { renderRows } from '../../../testing/render-rows';
import { aSearchResponse, anAsset } from '../../../testing/fleet-fixtures';
import { FleetPage } from './fleet-page';

describe('FleetPage', () => {
  let http: HttpTestingController;
  let clock: FakeClock;
  let fixture: ComponentFixture<FleetPage>;
  let host: HTMLElement;
  let sources: FakeEventSources;

  const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const isAssetSearch = (r: { url: string }) => r.url === '/api/v1/assets';

  beforeEach(() => {
    jasmine.clock().install();
    clock = new FakeClock();
    sources = new FakeEventSources();
    TestBed.configureTestingModule({
      providers: dashboardAppProviders({ clock, sources }),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FleetPage);
    host = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    jasmine.clock().tick(0);
    http.expectOne('/api/v1/customers').flush({
      items: [{ id: 'acme', name: 'Acme Logistics', address: null, assetCount: 2 }],
    });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  it('shows the fleet, its counts and the customers once the server answers', async () => {
    http
      .expectOne(isAssetSearch)
      .flush(aSearchResponse([anAsset({ id: 'a', status: 'online' }), anAsset({ id: 'b', status: 'unknown', lastSeenAt: null })]));
    await renderRows(fixture);

    expect(host.querySelector('h1')?.textContent).toBe('Beacon');
    expect(host.querySelectorAll('[data-testid="asset-row"]').length).toBe(2);
    expect(byTestId('count-online')?.textContent?.trim()).toBe('1');
    expect(byTestId('count-unknown')?.textContent?.trim()).toBe('1');
    expect(byTestId('count-total')?.textContent?.trim()).toBe('2');
    expect(byTestId('customer-filter')?.textContent).toContain('Acme Logistics');
    expect(byTestId('stale')).toBeNull();
  });

  it('re-queries when a filter is chosen', async () => {
    http.expectOne(isAssetSearch).flush(aSearchResponse([]));
    const select = byTestId('status-filter') as HTMLSelectElement;
    select.value = 'offline';
    select.dispatchEvent(new Event('change'));
    jasmine.clock().tick(0);

    expect(http.expectOne(isAssetSearch).request.params.get('status')).toBe('offline');
  });

  it('shows the stale indicator when a request fails', async () => {
    http.expectOne(isAssetSearch).flush(aSearchResponse([anAsset()]));
    jasmine.clock().tick(2_000);
    http.expectOne(isAssetSearch).flush(null, { status: 502, statusText: 'Bad Gateway' });
    await renderRows(fixture);

    expect(byTestId('stale')?.textContent).toContain('Server unreachable');
    expect(host.querySelectorAll('[data-testid="asset-row"]').length).withContext('keeps last data').toBe(1);
  });

  it('shows the stale indicator when no answer came for more than ten seconds', async () => {
    http.expectOne(isAssetSearch).flush(aSearchResponse([]));
    clock.advance(10_001);
    await renderRows(fixture);

    expect(byTestId('stale')).not.toBeNull();
  });

  it('updates a row from the live stream without waiting for the poll', async () => {
    http.expectOne(isAssetSearch).flush(aSearchResponse([anAsset({ id: 'a', status: 'offline' })]));
    sources.latest.open();
    sources.latest.emit('status', {
      id: 'a',
      status: 'online',
      at: '2026-11-25T12:00:00.000Z',
    });
    await renderRows(fixture);

    expect(host.querySelector('[data-asset-id="a"] [data-testid="asset-status"]')?.textContent).toContain('online');
    expect(byTestId('count-online')?.textContent?.trim()).toBe('1');
    expect(byTestId('live')).not.toBeNull();
    jasmine.clock().tick(0);
    http.expectOne(isAssetSearch);
  });

  it('opens an asset’s details beside the table and closes them again', async () => {
    http.expectOne(isAssetSearch).flush(aSearchResponse([anAsset({ id: 'a', registration: 'ABC123' })]));
    await renderRows(fixture);
    expect(byTestId('asset-detail')).toBeNull();

    byTestId('asset-open')?.click();
    await renderRows(fixture);
    http.expectOne('/api/v1/assets/a').flush(anAsset({ id: 'a', registration: 'ABC123' }));
    http.expectOne((r) => r.url === '/api/v1/assets/a/track').flush({ points: [] });
    await renderRows(fixture);

    expect(byTestId('detail-title')?.textContent?.trim()).toBe('ABC123');
    expect(byTestId('track-empty')).not.toBeNull();
    expect(host.querySelector('[data-asset-id="a"]')?.getAttribute('aria-current')).toBe('true');

    byTestId('detail-close')?.click();
    await renderRows(fixture);
    expect(byTestId('asset-detail')).toBeNull();
  });
});
