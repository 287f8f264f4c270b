import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { aTrackPoint } from '../../../testing/track-fixtures';
import { TrackReplay } from './track-replay';

describe('TrackReplay', () => {
  let fixture: ComponentFixture<TrackReplay>;
  let host: HTMLElement;
  let emitted: number[];
  const points = [aTrackPoint(0), { ...aTrackPoint(10), speed: 20, altitude: 500 }, aTrackPoint(20)];
  const minuteOf = (ms: number) => new Date(ms).getUTCMinutes() + new Date(ms).getUTCSeconds() / 60;
  const slider = () => host.querySelector<HTMLInputElement>('[data-testid="replay-slider"]');
  const text = (id: string) => host.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

  beforeEach(() => {
    jasmine.clock().install();
    fixture = TestBed.createComponent(TrackReplay);
    host = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('points', points);
    emitted = [];
    // The parent holds the replayed moment: hand each one back, as the panel does.
    fixture.componentInstance.timeChange.subscribe((time) => {
      emitted.push(time);
      fixture.componentRef.setInput('time', time);
    });
    fixture.detectChanges();
  });

  afterEach(() => {
    fixture.destroy();
    jasmine.clock().uninstall();
  });

  it('is a labelled slider over the track’s time span, at its end while at rest', () => {
    const input = slider();
    expect(input?.closest('label')?.textContent).toContain('Replay time');
    expect(Number(input?.min)).toBe(Date.parse(aTrackPoint(0).timestamp));
    expect(Number(input?.max)).toBe(Date.parse(aTrackPoint(20).timestamp));
    expect(Number(input?.value)).toBe(Date.parse(aTrackPoint(20).timestamp));
    expect(input?.getAttribute('aria-valuetext')).toMatch(/\d\d:\d\d:\d\d$/);
  });

  it('moves to where the slider is put, showing that moment’s time and speed', () => {
    const input = slider();
    if (!input) throw new Error('no slider');
    input.value = String(Date.parse(aTrackPoint(5).timestamp));
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();

    expect(emitted.map(minuteOf)).toEqual([5]);
    expect(text('replay-speed-value')).toBe('58 km/h'); // halfway from 12 m/s to 20 m/s
    expect(text('replay-altitude')).withContext('vehicles have no altitude line').toBeUndefined();
  });

  it('shows the altitude too for an aircraft', () => {
    fixture.componentRef.setInput('withAltitude', true);
    fixture.componentRef.setInput('time', Date.parse(aTrackPoint(10).timestamp));
    fixture.detectChanges();
    expect(text('replay-altitude')).toBe('500 m');
  });

  it('plays from the start at the chosen speed until the end, and pauses', () => {
    const select = host.querySelector<HTMLSelectElement>('[data-testid="replay-speed"]');
    if (!select) throw new Error('no speed');
    select.value = '600';
    select.dispatchEvent(new Event('change'));
    const play = host.querySelector<HTMLButtonElement>('[data-testid="replay-play"]');
    play?.click();
    fixture.detectChanges();
    expect(play?.getAttribute('aria-pressed')).toBe('true');
    expect(minuteOf(emitted[0] ?? 0)).toBe(0);

    jasmine.clock().tick(1_000); // 1 s at 600×: 10 minutes
    expect(minuteOf(emitted.at(-1) ?? 0)).toBe(10);
    play?.click();
    jasmine.clock().tick(1_000);
    expect(minuteOf(emitted.at(-1) ?? 0))
      .withContext('paused')
      .toBe(10);

    play?.click();
    jasmine.clock().tick(5_000);
    fixture.detectChanges();
    expect(minuteOf(emitted.at(-1) ?? 0)).toBe(20);
    expect(play?.getAttribute('aria-pressed')).withContext('stopped at the end').toBe('false');
  });
});
