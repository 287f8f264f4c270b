import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { StaleIndicator } from './stale-indicator';

describe('StaleIndicator', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  let fixture: ComponentFixture<StaleIndicator>;

  function render(inputs: { stale: boolean; failing?: boolean; lastSuccessAt?: number | null }) {
    fixture = TestBed.createComponent(StaleIndicator);
    fixture.componentRef.setInput('now', now);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    return {
      host,
      stale: host.querySelector<HTMLElement>('[data-testid="stale"]'),
    };
  }

  it('shows nothing stale while the data is fresh', () => {
    const { host, stale } = render({
      stale: false,
      lastSuccessAt: now - 2_000,
    });
    expect(stale).toBeNull();
    expect(host.textContent).toContain('Live');
  });

  it('says how old the data is when it is stale', () => {
    const { stale } = render({ stale: true, lastSuccessAt: now - 14_000 });
    expect(stale?.textContent).toContain('Data is stale');
    expect(stale?.textContent).toContain('14 s ago');
    expect(stale?.title).toBe('2026-11-25T11:59:46.000Z');
  });

  it('says the server is unreachable when the last request failed', () => {
    const { stale } = render({
      stale: true,
      failing: true,
      lastSuccessAt: null,
    });
    expect(stale?.textContent).toContain('Server unreachable');
    expect(stale?.textContent).toContain('never');
  });

  it('appears and clears as staleness changes', () => {
    render({ stale: true });
    fixture.componentRef.setInput('stale', false);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="stale"]')).toBeNull();
  });

  it('is a live region', () => {
    expect(render({ stale: false }).host.getAttribute('role')).toBe('status');
  });
});
