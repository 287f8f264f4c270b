import { dashboardAppProviders } from '../testing/dashboard-app-providers';
import { Location } from '@angular/common';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { SpyLocation } from '@angular/common/testing';
import { Router } from '@angular/router';
import { App } from './app';

describe('App', () => {
  let fixture: ComponentFixture<App>;
  let http: HttpTestingController;
  const host = () => fixture.nativeElement as HTMLElement;
  /** Lets the session's awaited `/me` answer land, then renders. */
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };

  /** The app at `path`, as the browser opened it. */
  const open = (path: string) => {
    TestBed.configureTestingModule({
      providers: dashboardAppProviders(),
    });
    (TestBed.inject(Location) as SpyLocation).setInitialPath(path);
    TestBed.inject(Router).initialNavigation();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(App);
    fixture.detectChanges();
  };

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    open('/');
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    sessionStorage.clear();
  });

  it('says it is signing in while the server has not said who the user is', () => {
    expect(host().querySelector('[data-testid="session-checking"]')).not.toBeNull();
    http.expectOne('/api/v1/me');
  });

  it('shows the sign-in screen when the server needs a key', async () => {
    http.expectOne('/api/v1/me').flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(host().querySelector('[data-testid="sign-in"]')).not.toBeNull();
    expect(host().querySelector('bcn-fleet-page')).toBeNull();
  });

  it('shows the Beacon header, the fleet page and who is signed in once the server accepts', async () => {
    http.expectOne('/api/v1/me').flush({ role: 'viewer', customerId: 'acme', customerName: 'Acme Logistics', keyName: 'wall' });
    await settle();
    expect(host().querySelector('h1')?.textContent).toBe('Beacon');
    expect(host().querySelector('bcn-fleet-table')).not.toBeNull();
    expect(host().querySelector('[data-testid="session-scope"]')?.textContent?.trim()).toBe('Acme Logistics');
    expect(host().querySelector('[data-testid="customer-filter"]')).withContext('a scoped key has no customer to choose').toBeNull();
  });

  it('keeps a link opened while signed out through the sign-in screen, and opens its view after', async () => {
    TestBed.resetTestingModule();
    open('/assets/VIN-1?status=online');
    http.expectOne('/api/v1/me').flush({ error: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(host().querySelector('[data-testid="sign-in"]')).not.toBeNull();

    const form = host().querySelector<HTMLFormElement>('[data-testid="sign-in"]');
    (host().querySelector('[data-testid="sign-in-key"]') as HTMLInputElement).value = 'a-key-of-twenty-characters';
    form?.dispatchEvent(new Event('submit'));
    http.expectOne('/api/v1/me').flush({ role: 'admin', customerId: null, customerName: null, keyName: 'ops' });
    await settle();

    expect((TestBed.inject(Location) as SpyLocation).path()).toBe('/assets/VIN-1?status=online');
    expect(host().querySelector('[data-testid="asset-detail"]')).not.toBeNull();
    http.expectOne('/api/v1/assets/VIN-1');
    await new Promise((resolve) => setTimeout(resolve)); // the first search waits for a timer
    expect(http.expectOne((r) => r.url === '/api/v1/assets').request.params.get('status')).toBe('online');
  });
});
