import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { CustomerDto } from '@beacon/contracts';
import type { FleetQuery } from '../fleet-query';
import { EMPTY_QUERY } from '../fleet-query';
import { FleetFilters } from './fleet-filters';

describe('FleetFilters', () => {
  const customers: CustomerDto[] = [
    { id: 'acme', name: 'Acme Logistics', address: null, assetCount: 3 },
    { id: 'sky', name: 'Sky Charter', address: 'Airport 1', assetCount: 7 },
  ];
  let fixture: ComponentFixture<FleetFilters>;
  let host: HTMLElement;

  function render(filters: FleetQuery = EMPTY_QUERY): void {
    fixture = TestBed.createComponent(FleetFilters);
    fixture.componentRef.setInput('filters', filters);
    fixture.componentRef.setInput('customers', customers);
    fixture.detectChanges();
    host = fixture.nativeElement as HTMLElement;
  }

  const byTestId = <T extends HTMLElement>(id: string) => host.querySelector(`[data-testid="${id}"]`) as T;
  const optionsOf = (select: HTMLSelectElement) => Array.from(select.options).map((o) => [o.value, o.textContent?.trim()]);

  function choose(select: HTMLSelectElement, value: string): void {
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }

  it('offers "All customers" first, then each customer', () => {
    render();
    expect(optionsOf(byTestId<HTMLSelectElement>('customer-filter'))).toEqual([
      ['', 'All customers'],
      ['acme', 'Acme Logistics (3)'],
      ['sky', 'Sky Charter (7)'],
    ]);
  });

  it('offers all statuses and each single status', () => {
    render();
    expect(optionsOf(byTestId<HTMLSelectElement>('status-filter')).map(([value]) => value)).toEqual(['', 'online', 'offline', 'unknown']);
  });

  it('shows the current filters', () => {
    render({ q: 'B-AC', customerId: 'sky', status: 'offline', kind: 'aircraft', sort: '', bbox: '' });
    expect(byTestId<HTMLInputElement>('search').value).toBe('B-AC');
    expect(byTestId<HTMLSelectElement>('customer-filter').value).toBe('sky');
    expect(byTestId<HTMLSelectElement>('status-filter').value).toBe('offline');
    expect(byTestId<HTMLSelectElement>('kind-filter').value).toBe('aircraft');
  });

  it('reports typing, customer, status and kind choices', () => {
    render();
    const seen: unknown[] = [];
    fixture.componentInstance.searchChange.subscribe((q) => seen.push(['q', q]));
    fixture.componentInstance.customerChange.subscribe((c) => seen.push(['customer', c]));
    fixture.componentInstance.statusChange.subscribe((s) => seen.push(['status', s]));
    fixture.componentInstance.kindChange.subscribe((k) => seen.push(['kind', k]));

    const search = byTestId<HTMLInputElement>('search');
    search.value = 'sky';
    search.dispatchEvent(new Event('input'));
    choose(byTestId<HTMLSelectElement>('customer-filter'), 'acme');
    choose(byTestId<HTMLSelectElement>('status-filter'), 'unknown');
    choose(byTestId<HTMLSelectElement>('status-filter'), '');
    choose(byTestId<HTMLSelectElement>('kind-filter'), 'vehicle');

    expect(seen).toEqual([
      ['q', 'sky'],
      ['customer', 'acme'],
      ['status', 'unknown'],
      ['status', ''],
      ['kind', 'vehicle'],
    ]);
  });
});
