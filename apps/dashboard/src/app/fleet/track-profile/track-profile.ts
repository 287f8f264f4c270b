import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import uPlot from 'uplot';
import { Theme } from '../../shared/theme/theme';
import type { TrackPoint } from '../asset-detail/track';
import { Units } from '../../shared/units/units-choice';
import { altitudeLabel, profileData, profileOptions, readProfileColours, speedLabel } from './profile-series';

const HEIGHT = 180;

/**
 * The track's speed over time, and altitude for an aircraft, drawn by uPlot on a canvas. The plot is
 * made once the element has a width, rebuilt when the palette or the series change, and otherwise
 * only fed: new points replace its data, the replayed moment moves its cursor.
 */
@Component({
  selector: 'bcn-track-profile',
  templateUrl: './track-profile.html',
  styleUrl: './track-profile.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrackProfile {
  /** Oldest first. */
  readonly points = input.required<readonly TrackPoint[]>();
  readonly withAltitude = input(false);
  /** The replayed moment (epoch ms), shown as the cursor; null leaves the cursor to the pointer. */
  readonly cursorAt = input<number | null>(null);

  private readonly theme = inject(Theme);
  private readonly units = inject(Units).choice;
  private readonly plotHost = viewChild.required<ElementRef<HTMLElement>>('plotHost');
  private readonly width = signal(0);
  /** Turns true once, when the element first has a width: uPlot draws at a fixed size. */
  private readonly sized = computed(() => this.width() > 0);
  private readonly plot = signal<uPlot | null>(null);

  protected readonly description = computed(() => {
    const units = this.units();
    return `${this.withAltitude() ? `${speedLabel(units)} and ${altitudeLabel(units)}` : speedLabel(units)} over time`;
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const host = this.plotHost().nativeElement;
      const resize = new ResizeObserver(() => this.width.set(host.clientWidth));
      resize.observe(host);
      this.width.set(host.clientWidth);
      destroyRef.onDestroy(() => resize.disconnect());
    });
    // A new plot for another palette, other units or another set of series; a new width only resizes it.
    effect((onCleanup) => {
      const withAltitude = this.withAltitude();
      const units = this.units();
      this.theme.scheme();
      if (!this.sized()) return;
      const host = this.plotHost().nativeElement;
      const size = { width: untracked(this.width), height: HEIGHT };
      const data = profileData(untracked(this.points), withAltitude, units);
      const plot = new uPlot(profileOptions(size, withAltitude, readProfileColours(host), units), data, host);
      this.plot.set(plot);
      onCleanup(() => plot.destroy());
    });
    effect(() => {
      const width = this.width();
      if (width > 0) this.plot()?.setSize({ width, height: HEIGHT });
    });
    effect(() => this.plot()?.setData(profileData(this.points(), this.withAltitude(), untracked(this.units))));
    effect(() => {
      const plot = this.plot();
      const time = this.cursorAt();
      if (plot === null || time === null) return;
      plot.setCursor({ left: plot.valToPos(time / 1000, 'x'), top: 0 });
    });
  }
}
