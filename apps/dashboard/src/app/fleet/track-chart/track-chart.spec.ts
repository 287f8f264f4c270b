import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { LatLon } from './track-geometry';
import { TrackChart } from './track-chart';

describe('TrackChart', () => {
  let fixture: ComponentFixture<TrackChart>;

  function render(points: LatLon[]): HTMLElement {
    fixture = TestBed.createComponent(TrackChart);
    fixture.componentRef.setInput('points', points);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const pairsOf = (host: HTMLElement) => (host.querySelector('[data-testid="track-line"]')?.getAttribute('points') ?? '').split(' ');

  it('draws one vertex per point inside the view box, latest marked', () => {
    const host = render([
      { lat: 59.3, lon: 18.0 },
      { lat: 59.31, lon: 18.02 },
      { lat: 59.32, lon: 18.01 },
    ]);

    const svg = host.querySelector('[data-testid="track-svg"]');
    expect(svg?.getAttribute('viewBox')).toBe('0 0 600 360');
    const pairs = pairsOf(host);
    expect(pairs.length).toBe(3);
    for (const pair of pairs) {
      const [x, y] = pair.split(',').map(Number);
      expect(x).toBeGreaterThanOrEqual(12);
      expect(x).toBeLessThanOrEqual(588);
      expect(y).toBeGreaterThanOrEqual(12);
      expect(y).toBeLessThanOrEqual(348);
    }
    const end = host.querySelector('[data-testid="track-end"]');
    expect(`${end?.getAttribute('cx')},${end?.getAttribute('cy')}`).toBe(pairs[2] as string);
  });

  it('redraws when a point is appended', () => {
    const points = [
      { lat: 59.3, lon: 18.0 },
      { lat: 59.31, lon: 18.02 },
    ];
    const host = render(points);
    fixture.componentRef.setInput('points', [...points, { lat: 59.35, lon: 18.05 }]);
    fixture.detectChanges();
    expect(pairsOf(host).length).toBe(3);
  });

  it('says there is nothing to draw for an empty track', () => {
    const host = render([]);
    expect(host.querySelector('svg')).toBeNull();
    expect(host.querySelector('[data-testid="track-empty"]')?.textContent).toContain('No positions');
  });
});
