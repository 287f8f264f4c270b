import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { LatLon, Viewport } from './track-geometry';
import { projectTrack, toPolylinePoints } from './track-geometry';

const VIEWPORT: Viewport = { width: 600, height: 360, padding: 12 };

/** A track as a line on a blank canvas, scaled to its own bounding box; no map tiles to draw on. */
@Component({
  selector: 'bcn-track-chart',
  templateUrl: './track-chart.html',
  styleUrl: './track-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrackChart {
  /** Oldest first, as the track endpoint returns them. */
  readonly points = input.required<readonly LatLon[]>();

  protected readonly viewBox = `0 0 ${VIEWPORT.width} ${VIEWPORT.height}`;
  protected readonly projected = computed(() => projectTrack(this.points(), VIEWPORT));
  protected readonly line = computed(() => toPolylinePoints(this.projected()));
  protected readonly start = computed(() => this.projected()[0] ?? null);
  protected readonly end = computed(() => this.projected().at(-1) ?? null);
}
