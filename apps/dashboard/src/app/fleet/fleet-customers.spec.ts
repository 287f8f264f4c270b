import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FleetCustomers } from './fleet-customers';

describe('FleetCustomers', () => {
  afterEach(() => jasmine.clock().uninstall());

  it('loads the customers for the filter and retries when that fails', () => {
    jasmine.clock().install();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const customers = TestBed.inject(FleetCustomers);
    jasmine.clock().tick(0);

    http.expectOne('/api/v1/customers').flush({ error: 'unavailable' }, { status: 503, statusText: 'Unavailable' });
    expect(customers.list()).toEqual([]);

    jasmine.clock().tick(1_000);
    const acme = {
      id: 'acme',
      name: 'Acme Logistics',
      address: null,
      assetCount: 3,
    };
    http.expectOne('/api/v1/customers').flush({ items: [acme] });
    expect(customers.list()).toEqual([acme]);
    TestBed.resetTestingModule();
  });
});
