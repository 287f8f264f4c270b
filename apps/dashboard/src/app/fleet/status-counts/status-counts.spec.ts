import { TestBed } from '@angular/core/testing';
import { StatusCounts } from './status-counts';

describe('StatusCounts', () => {
  it('shows the total and each status count under its test id', () => {
    const fixture = TestBed.createComponent(StatusCounts);
    fixture.componentRef.setInput('counts', {
      online: 5,
      offline: 2,
      unknown: 1,
    });
    fixture.componentRef.setInput('total', 8);
    fixture.detectChanges();

    const host = fixture.nativeElement as HTMLElement;
    const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(text('count-total')).toBe('8');
    expect(text('count-online')).toBe('5');
    expect(text('count-offline')).toBe('2');
    expect(text('count-unknown')).toBe('1');
  });

  it('is the status filter: a count shows its status alone, a second click or Total shows all', () => {
    const fixture = TestBed.createComponent(StatusCounts);
    fixture.componentRef.setInput('counts', { online: 5, offline: 2, unknown: 1 });
    fixture.componentRef.setInput('total', 8);
    fixture.componentRef.setInput('selected', 'offline');
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const button = (id: string) => host.querySelector<HTMLButtonElement>(`[data-testid="count-filter-${id}"]`);
    const chosen: string[] = [];
    fixture.componentInstance.statusChange.subscribe((status) => chosen.push(status));

    expect(button('offline')?.getAttribute('aria-pressed')).toBe('true');
    expect(button('online')?.getAttribute('aria-pressed')).toBe('false');
    button('online')?.click();
    button('offline')?.click();
    button('total')?.click();
    expect(chosen).toEqual(['online', '', '']);
  });
});
