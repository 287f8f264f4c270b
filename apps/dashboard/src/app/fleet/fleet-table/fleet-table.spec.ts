import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { AssetDto } from '@beacon/contracts';
import { anAsset } from '../../../testing/fleet-fixtures';
import { FleetTable } from './fleet-table';

describe('FleetTable', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  let fixture: ComponentFixture<FleetTable>;

  function render(assets: AssetDto[], loading = false): HTMLElement {
    fixture = TestBed.createComponent(FleetTable);
    fixture.componentRef.setInput('assets', assets);
    fixture.componentRef.setInput('now', now);
    fixture.componentRef.setInput('loading', loading);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const rows = (host: HTMLElement) => Array.from(host.querySelectorAll<HTMLTableRowElement>('[data-testid="asset-row"]'));
  const cell = (row: Element, testId: string) => row.querySelector<HTMLElement>(`[data-testid="${testId}"]`) as HTMLElement;

  it('renders one row per asset, identified by its id', () => {
    const host = render([
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

  it('shows an aircraft by its callsign when it has no registration', () => {
    const host = render([
      anAsset({
        id: '4ac9e1',
        kind: 'aircraft',
        registration: null,
        callsign: 'SAS1234',
      }),
    ]);
    expect(rows(host)[0]?.textContent).toContain('SAS1234');
    expect(rows(host)[0]?.textContent).not.toContain('—');
  });

  it('shows each status as a badge of that status', () => {
    const host = render([
      anAsset({ id: 'a', status: 'online' }),
      anAsset({ id: 'b', status: 'offline' }),
      anAsset({ id: 'c', status: 'unknown', lastSeenAt: null }),
    ]);

    const badges = rows(host).map((row) => cell(row, 'asset-status').querySelector('bcn-status-badge'));
    expect(badges.map((b) => b?.getAttribute('data-status'))).toEqual(['online', 'offline', 'unknown']);
    expect(rows(host).map((row) => cell(row, 'asset-status').textContent?.trim())).toEqual(['online', 'offline', 'unknown']);
  });

  it('shows last seen relative to now, with the exact time in the title', () => {
    const host = render([anAsset({ lastSeenAt: '2026-11-25T11:59:48.000Z' })]);

    const lastSeen = cell(rows(host)[0] as Element, 'asset-last-seen');
    expect(lastSeen.textContent?.trim()).toBe('12 s ago');
    expect(lastSeen.title).toBe('2026-11-25T11:59:48.000Z');
  });

  it('says "never" for an asset never heard from, without a title', () => {
    const host = render([anAsset({ status: 'unknown', lastSeenAt: null })]);

    const lastSeen = cell(rows(host)[0] as Element, 'asset-last-seen');
    expect(lastSeen.textContent?.trim()).toBe('never');
    expect(lastSeen.hasAttribute('title')).toBeFalse();
  });

  it('moves "last seen" on when the clock ticks', () => {
    const host = render([anAsset({ lastSeenAt: '2026-11-25T11:59:48.000Z' })]);
    fixture.componentRef.setInput('now', now + 60_000);
    fixture.detectChanges();

    expect(cell(rows(host)[0] as Element, 'asset-last-seen').textContent?.trim()).toBe('1 min ago');
  });

  it('asks for an asset’s details when its registration is clicked', () => {
    const host = render([anAsset({ id: 'WVW1', registration: 'B-AC 101' }), anAsset({ id: 'WVW2', registration: 'B-AC 102' })]);
    const opened: string[] = [];
    fixture.componentInstance.openAsset.subscribe((id) => opened.push(id));

    const open = cell(rows(host)[1] as Element, 'asset-open');
    expect(open.tagName).toBe('BUTTON');
    expect(open.textContent?.trim()).toBe('B-AC 102');
    open.click();
    expect(opened).toEqual(['WVW2']);
  });

  it('marks the row whose details are open', () => {
    const host = render([anAsset({ id: 'a' }), anAsset({ id: 'b' })]);
    fixture.componentRef.setInput('selectedId', 'b');
    fixture.detectChanges();

    expect(rows(host).map((r) => r.getAttribute('aria-current'))).toEqual([null, 'true']);
    expect(rows(host)[1]?.classList).toContain('selected');
  });

  it('tells loading apart from no matches when there are no rows', () => {
    expect(render([], true).textContent).toContain('Loading…');
    expect(render([], false).textContent).toContain('No assets match these filters.');
  });
});
