import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { TrackRange } from './track-range';
import { LAST_DAY, toLocalInput } from './track-range';
import { TrackRangePicker } from './track-range-picker';

describe('TrackRangePicker', () => {
  let fixture: ComponentFixture<TrackRangePicker>;
  let host: HTMLElement;
  let chosen: TrackRange[];

  const element = <T extends HTMLElement>(id: string) => host.querySelector<T>(`[data-testid="${id}"]`);
  function pick(value: string): void {
    const select = element<HTMLSelectElement>('track-range');
    if (!select) throw new Error('no select');
    select.value = value;
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }
  function applyCustom(from: string, to: string): void {
    const fromInput = element<HTMLInputElement>('track-from');
    const toInput = element<HTMLInputElement>('track-to');
    if (!fromInput || !toInput) throw new Error('no custom form');
    fromInput.value = from;
    toInput.value = to;
    element<HTMLButtonElement>('track-range-apply')?.click();
    fixture.detectChanges();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(TrackRangePicker);
    host = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('range', LAST_DAY);
    chosen = [];
    fixture.componentInstance.rangeChange.subscribe((range) => chosen.push(range));
    fixture.detectChanges();
  });

  it('shows the last 24 h by default and offers the last hour', () => {
    expect(element<HTMLSelectElement>('track-range')?.value).toBe('day');
    expect(element('track-range')?.closest('label')?.textContent).toContain('Period');
    pick('hour');
    expect(chosen).toEqual([{ kind: 'last', hours: 1 }]);
  });

  it('asks for a custom window only once it is applied', () => {
    pick('custom');
    expect(chosen).toEqual([]);
    const from = toLocalInput(Date.parse('2026-11-20T08:00:00.000Z'));
    const to = toLocalInput(Date.parse('2026-11-20T17:00:00.000Z'));
    applyCustom(from, to);
    expect(chosen).toEqual([{ kind: 'custom', from: '2026-11-20T08:00:00.000Z', to: '2026-11-20T17:00:00.000Z' }]);
    expect(element('track-range-error')).toBeNull();
  });

  it('says why a window whose start is not before its end is refused, and asks for nothing', () => {
    pick('custom');
    applyCustom('2026-11-20T17:00', '2026-11-20T08:00');
    expect(chosen).toEqual([]);
    expect(element('track-range-error')?.textContent?.trim()).toBe('The start must be before the end.');
    expect(element('track-range-error')?.getAttribute('role')).toBe('alert');
    expect(element('track-from')?.getAttribute('aria-invalid')).toBe('true');
  });
});
