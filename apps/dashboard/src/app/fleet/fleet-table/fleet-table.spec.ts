import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { AssetDto } from '@beacon/contracts';
import { anAsset } from '../../../testing/fleet-fixtures';
import { Units } from '../../shared/units/units-choice';
import { FleetTable } from './fleet-table';

describe('FleetTable', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  let fixture: ComponentFixture<FleetTable>;

  /** The table with its rows rendered: the virtual scroll measures its box and renders after a frame. */
  async function render(assets: AssetDto[], loading = false): Promise<HTMLElement> {
    fixture = TestBed.createComponent(FleetTable);
    fixture.componentRef.setInput('assets', assets);
    fixture.componentRef.setInput('now', now);
    fixture.componentRef.setInput('loading', loading);
    fixture.componentRef.setInput('total', assets.length);
    return settle();
  }

  async function settle(): Promise<HTMLElement> {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await fixture.whenStable();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  const rows = (host: HTMLElement) => Array.from(host.querySelectorAll<HTMLTableRowElement>('[data-testid="asset-row"]'));
  const cell = (row: Element, testId: string) => row.querySelector<HTMLElement>(`[data-testid="${testId}"]`) as HTMLElement;

  it('renders one row per asset, identified by its id', async () => {
    const host = await render([
      anAsset({ id: 'WVW1', registration: 'B-AC 101', customerName: 'Acme' }),
      anAsset({
        id: '3c6444',
        kind: 'aircraft',
        registration: null,
        customerName: 'Sky',
      }),
    ]);

    const [first, second] = rows(host);
    expect(rows(host).length).toBe(2);
    expect(first?.dataset['assetId']).toBe('WVW1');
    expect(second?.dataset['assetId']).toBe('3c6444');
    expect(first?.textContent).toContain('B-AC 101');
    expect(first?.textContent).toContain('Acme');
    expect(second?.textContent).withContext('placeholder for a missing registration').toContain('—');
  });

  it('shows an aircraft by its callsign when it has no registration', async () => {
    const host = await render([
      anAsset({
        id: '4ac9e1',
        kind: 'aircraft',
        registration: null,
        callsign: 'SAS1234',
      }),
    ]);
    expect(rows(host)[0]?.textContent).toContain('SAS1234');
    expect(cell(rows(host)[0] as Element, 'asset-open').textContent?.trim()).toBe('SAS1234');
  });

  it('shows each status as a badge of that status', async () => {
    const host = await render([
      anAsset({ id: 'a', status: 'online' }),
      anAsset({ id: 'b', status: 'offline' }),
      anAsset({ id: 'c', status: 'unknown', lastSeenAt: null }),
    ]);

    const badges = rows(host).map((row) => cell(row, 'asset-status').querySelector('bcn-status-badge'));
    expect(badges.map((b) => b?.getAttribute('data-status'))).toEqual(['online', 'offline', 'unknown']);
    expect(rows(host).map((row) => cell(row, 'asset-status').textContent?.trim())).toEqual(['online', 'offline', 'unknown']);
  });

  it('shows last seen relative to now, with the exact time in the title', async () => {
    const host = await render([anAsset({ lastSeenAt: '2026-11-25T11:59:48.000Z' })]);

    const lastSeen = cell(rows(host)[0] as Element, 'asset-last-seen');
    expect(lastSeen.textContent?.trim()).toBe('12 s ago');
    expect(lastSeen.title).toBe('2026-11-25T11:59:48.000Z');
  });

  it('says "never" for an asset never heard from, without a title', async () => {
    const host = await render([anAsset({ status: 'unknown', lastSeenAt: null })]);

    const lastSeen = cell(rows(host)[0] as Element, 'asset-last-seen');
    expect(lastSeen.textContent?.trim()).toBe('never');
    expect(lastSeen.hasAttribute('title')).toBeFalse();
  });

  it('moves "last seen" on when the clock ticks', async () => {
    const host = await render([anAsset({ lastSeenAt: '2026-11-25T11:59:48.000Z' })]);
    fixture.componentRef.setInput('now', now + 60_000);
    await settle();

    expect(cell(rows(host)[0] as Element, 'asset-last-seen').textContent?.trim()).toBe('1 min ago');
  });

  it('asks for an asset’s details when its registration is clicked', async () => {
    const host = await render([anAsset({ id: 'WVW1', registration: 'B-AC 101' }), anAsset({ id: 'WVW2', registration: 'B-AC 102' })]);
    const opened: string[] = [];
    fixture.componentInstance.openAsset.subscribe((id) => opened.push(id));

    const open = cell(rows(host)[1] as Element, 'asset-open');
    expect(open.tagName).toBe('BUTTON');
    expect(open.textContent?.trim()).toBe('B-AC 102');
    open.click();
    expect(opened).toEqual(['WVW2']);
  });

  it('marks the row whose details are open', async () => {
    const host = await render([anAsset({ id: 'a' }), anAsset({ id: 'b' })]);
    fixture.componentRef.setInput('selectedId', 'b');
    await settle();

    expect(rows(host).map((r) => r.getAttribute('aria-current'))).toEqual([null, 'true']);
    expect(rows(host)[1]?.classList).toContain('selected');
  });

  it('tells loading apart from no matches when there are no rows', async () => {
    expect((await render([], true)).textContent).toContain('Loading…');
    expect((await render([], false)).textContent).toContain('No assets match these filters.');
  });

  it('renders only the rows in view of 10,000, and the rest as the user scrolls', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => anAsset({ id: `A${String(i).padStart(5, '0')}` }));
    const host = await render(many);
    const ids = () => rows(host).map((row) => row.dataset['assetId']);

    expect(rows(host).length).toBeGreaterThan(10);
    expect(rows(host).length).toBeLessThan(40);
    expect(ids()[0]).toBe('A00000');
    expect(rows(host)[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(host.querySelector('[role="table"]')?.getAttribute('aria-rowcount')).toBe('10001');

    const viewport = host.querySelector('cdk-virtual-scroll-viewport') as HTMLElement;
    viewport.scrollTop = 5_000 * 40;
    viewport.dispatchEvent(new Event('scroll'));
    await settle();
    expect(rows(host).length).toBeLessThan(40);
    expect(ids()).toContain('A05000');
    expect(ids()).not.toContain('A00000');
  });

  it('asks for more rows near the end of those loaded, or when asked to', async () => {
    const host = await render(Array.from({ length: 100 }, (_, i) => anAsset({ id: `A${i}` })));
    fixture.componentRef.setInput('total', 1000);
    fixture.componentRef.setInput('hasMore', true);
    let asked = 0;
    fixture.componentInstance.loadMore.subscribe(() => asked++);
    await settle();
    expect(host.querySelector('[data-testid="fleet-shown"]')?.textContent?.trim()).toBe('100 of 1,000');

    const viewport = host.querySelector('cdk-virtual-scroll-viewport') as HTMLElement;
    viewport.scrollTop = 10 * 40;
    viewport.dispatchEvent(new Event('scroll'));
    await settle();
    expect(asked).withContext('far from the end').toBe(0);
    viewport.scrollTop = 60 * 40;
    viewport.dispatchEvent(new Event('scroll'));
    await settle();
    expect(asked).toBeGreaterThan(0);

    const before = asked;
    (host.querySelector('[data-testid="load-more"]') as HTMLButtonElement).click();
    expect(asked).toBe(before + 1);
  });

  it('sorts by the columns the search can sort, and tells which with aria-sort', async () => {
    const host = await render([anAsset({ id: 'a' })]);
    const sorts: string[] = [];
    fixture.componentInstance.sortChange.subscribe((sort) => sorts.push(sort));
    const headers = () => Array.from(host.querySelectorAll<HTMLElement>('[role="columnheader"]'));
    const ariaSort = () => headers().map((h) => `${h.textContent?.trim().replace(/[▲▼]/, '')}:${h.getAttribute('aria-sort')}`);

    expect(ariaSort().slice(0, 5)).toEqual(['Registration:ascending', 'ID:none', 'Customer:null', 'Status:null', 'Last seen:none']);
    expect(headers().filter((h) => h.querySelector('button')).length)
      .withContext('only sortable headers are buttons')
      .toBe(3);

    (host.querySelector('[data-testid="sort-registration"]') as HTMLButtonElement).click();
    (host.querySelector('[data-testid="sort-lastSeenAt"]') as HTMLButtonElement).click();
    expect(sorts).toEqual(['registration:desc', 'lastSeenAt:asc']);

    fixture.componentRef.setInput('sort', 'lastSeenAt:asc');
    await settle();
    expect(ariaSort()[0]).toBe('Registration:none');
    expect(ariaSort()[4]).toBe('Last seen:ascending');
    (host.querySelector('[data-testid="sort-lastSeenAt"]') as HTMLButtonElement).click();
    expect(sorts.at(-1)).toBe('lastSeenAt:desc');
  });

  it('shows speed, altitude and vertical rate in the units chosen, and an aircraft’s callsign and squawk', async () => {
    const aircraft = anAsset({
      id: '4ac9e1',
      kind: 'aircraft',
      callsign: 'SAS1234',
      squawk: '7000',
      verticalRate: -5.08,
      position: { lat: 59, lon: 18, altitude: 10_668, speed: 231.5, heading: 90, timestamp: '2026-11-25T11:59:48.000Z' },
    });
    const host = await render([aircraft]);
    expect(rows(host)[0]?.textContent).toContain('833 km/h');
    expect(rows(host)[0]?.textContent).toContain('10,668 m');
    expect(rows(host)[0]?.textContent).toContain('−5.1 m/s');
    expect(rows(host)[0]?.textContent).toContain('7000');

    TestBed.inject(Units).chooseSpeed('kn');
    TestBed.inject(Units).chooseAltitude('ft');
    await settle();
    expect(rows(host)[0]?.textContent).toContain('450 kn');
    expect(rows(host)[0]?.textContent).toContain('35,000 ft');
    expect(rows(host)[0]?.textContent).toContain('−1,000 ft/min');
  });
});
