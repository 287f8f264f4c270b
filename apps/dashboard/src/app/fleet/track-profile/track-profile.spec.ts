import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { aTrackPoint } from '../../../testing/track-fixtures';
import { Theme } from '../../shared/theme/theme';
import { UNITS_STORAGE_KEY } from '../../shared/units/unit-preference';
import { Units } from '../../shared/units/units-choice';
import type { TrackPoint } from '../asset-detail/track';
import { TrackProfile } from './track-profile';

/** The real uPlot in the test browser: a canvas, its legend as text, its cursor at the replayed moment. */
describe('TrackProfile', () => {
  let fixture: ComponentFixture<TrackProfile>;
  let host: HTMLElement;
  const climbing = (minute: number): TrackPoint => ({ ...aTrackPoint(minute), speed: 50 + minute, altitude: 1000 + minute * 100 });

  async function render(points: TrackPoint[], withAltitude = false): Promise<void> {
    fixture = TestBed.createComponent(TrackProfile);
    host = fixture.nativeElement as HTMLElement;
    host.style.cssText = 'display: block; width: 400px;';
    document.body.append(host);
    fixture.componentRef.setInput('points', points);
    fixture.componentRef.setInput('withAltitude', withAltitude);
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const legend = () => Array.from(host.querySelectorAll('.u-legend .u-series .u-label'), (label) => label.textContent);
  const cursorLeft = () =>
    parseFloat(host.querySelector<HTMLElement>('.u-cursor-x')?.style.transform.match(/translate\(([-\d.]+)px/)?.[1] ?? 'NaN');

  afterEach(() => {
    fixture.destroy();
    host.remove();
    localStorage.removeItem(UNITS_STORAGE_KEY);
  });

  it('draws speed over time in km/h on a canvas as wide as its box', async () => {
    await render([aTrackPoint(0), aTrackPoint(30), aTrackPoint(59)]);

    const canvas = host.querySelector('canvas');
    expect(canvas).not.toBeNull();
    expect(canvas?.getBoundingClientRect().width).toBeCloseTo(400, -1);
    expect(legend()).toEqual(['Time', 'Speed (km/h)']);
    expect(host.querySelector('[data-testid="track-profile"]')?.getAttribute('aria-label')).toBe('Speed (km/h) over time');
  });

  it('adds altitude in metres for an aircraft', async () => {
    await render([climbing(0), climbing(10)], true);
    expect(legend()).toEqual(['Time', 'Speed (km/h)', 'Altitude (m)']);
  });

  it('redraws in the units the user picks', async () => {
    await render([climbing(0), climbing(10)], true);
    const units = TestBed.inject(Units);
    units.chooseSpeed('kn');
    units.chooseAltitude('ft');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(legend()).toEqual(['Time', 'Speed (kn)', 'Altitude (ft)']);
    expect(host.querySelectorAll('canvas').length).toBe(1);
  });

  it('puts its cursor at the replayed moment', async () => {
    await render([aTrackPoint(0), aTrackPoint(30), aTrackPoint(60)]);
    const at = (minute: number) => {
      fixture.componentRef.setInput('cursorAt', Date.parse(aTrackPoint(minute).timestamp));
      fixture.detectChanges();
      return cursorLeft();
    };
    const start = at(0);
    const middle = at(30);
    const end = at(60);
    expect(middle).toBeGreaterThan(start);
    expect(Math.abs(middle - start - (end - middle)))
      .withContext('whole pixels')
      .toBeLessThanOrEqual(1);
  });

  it('is made again in the dark palette’s colours when the theme turns dark', async () => {
    await render([aTrackPoint(0), aTrackPoint(1)]);
    const theme = TestBed.inject(Theme);
    const first = host.querySelector('canvas');
    try {
      theme.choose('dark');
      await fixture.whenStable();
      expect(host.querySelectorAll('.uplot').length).withContext('the old plot is gone').toBe(1);
      expect(host.querySelector('canvas')).not.toBe(first);
    } finally {
      theme.choose('system');
    }
  });
});
