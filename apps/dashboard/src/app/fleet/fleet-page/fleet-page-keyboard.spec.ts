import { dashboardAppProviders } from '../../../testing/dashboard-app-providers';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { renderRows } from '../../../testing/render-rows';
import { aSearchResponse, anAsset } from '../../../testing/fleet-fixtures';
import { FLEET_MAP_FACTORY } from '../fleet-map/fleet-map-view';
import { FleetPage } from './fleet-page';

/** The asset panel for keyboard users: focus moves into it when it opens and back to the row when Escape closes it. */
describe('FleetPage from the keyboard', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<FleetPage>;
  let host: HTMLElement;

  const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const openButton = (id: string) => host.querySelector<HTMLElement>(`[data-asset-id="${id}"] [data-testid="asset-open"]`);
  const pressEscape = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

  beforeEach(async () => {
    jasmine.clock().install();
    TestBed.configureTestingModule({
      providers: [
        // The page writes the open asset into its address, which these routes and location mock take.
        ...dashboardAppProviders(),
        // The map plays no part here; one that never finishes loading stays out of the way.
        { provide: FLEET_MAP_FACTORY, useValue: () => new Promise(() => undefined) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FleetPage);
    host = fixture.nativeElement as HTMLElement;
    await renderRows(fixture);
    jasmine.clock().tick(0);
    http.expectOne('/api/v1/customers').flush({ items: [] });
    http
      .expectOne((r) => r.url === '/api/v1/assets')
      .flush(aSearchResponse([anAsset({ id: 'a', registration: 'ABC123' }), anAsset({ id: 'b', registration: 'DEF456' })]));
    await renderRows(fixture);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jasmine.clock().uninstall();
  });

  async function openFromKeyboard(id: string): Promise<void> {
    openButton(id)?.focus();
    openButton(id)?.click(); // what Enter or Space on a focused button does
    await renderRows(fixture);
    http.expectOne(`/api/v1/assets/${id}`).flush(anAsset({ id, registration: id === 'a' ? 'ABC123' : 'DEF456' }));
    http.expectOne((r) => r.url === `/api/v1/assets/${id}/track`).flush({ points: [] });
    await renderRows(fixture);
  }

  it('moves focus to the panel’s title when an asset opens', async () => {
    await openFromKeyboard('b');
    expect(document.activeElement).toBe(byTestId('detail-title'));
    expect(byTestId('asset-detail')?.contains(document.activeElement)).toBeTrue();
  });

  it('closes the panel on Escape and puts focus back on the row’s button', async () => {
    await openFromKeyboard('b');
    pressEscape();
    await renderRows(fixture);

    expect(byTestId('asset-detail')).toBeNull();
    expect(document.activeElement).toBe(openButton('b'));
  });

  it('puts focus back on the row’s button when the close button closes the panel', async () => {
    await openFromKeyboard('a');
    byTestId('detail-close')?.focus();
    byTestId('detail-close')?.click();
    await renderRows(fixture);

    expect(document.activeElement).toBe(openButton('a'));
  });

  it('leaves focus where it is when Escape is pressed outside the panel', async () => {
    await openFromKeyboard('a');
    const search = byTestId('search');
    search?.focus();
    pressEscape();
    await renderRows(fixture);

    expect(byTestId('asset-detail')).toBeNull();
    expect(document.activeElement).toBe(search);
  });

  it('reaches the filters, the count buttons and each row’s button by Tab, in the order they are shown', async () => {
    const tabbable = Array.from(host.querySelectorAll<HTMLElement>('button, input, select, [tabindex]')).filter(
      (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled,
    );
    const ids = tabbable.map((element) => element.getAttribute('data-testid'));
    expect(ids).toEqual(
      jasmine.arrayContaining(['search', 'status-filter', 'kind-filter', 'count-filter-total', 'count-filter-online', 'asset-open']),
    );
    expect(ids.indexOf('search')).toBeLessThan(ids.indexOf('count-filter-total'));
    expect(ids.indexOf('count-filter-total')).toBeLessThan(ids.indexOf('asset-open'));
    expect(ids.filter((id) => id === 'asset-open').length).toBe(2);
  });
});
