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
});
