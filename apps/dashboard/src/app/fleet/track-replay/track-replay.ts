import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import type { TrackPoint } from '../asset-detail/track';
import { Units } from '../../shared/units/units-choice';
import { formatAltitude, formatSpeed } from '../../shared/units/units';
import { REPLAY_SPEEDS, advanceReplay, replayPositionAt } from './replay-position';

/** How often a playing replay moves on, in real milliseconds. */
const TICK_MS = 100;
/** Arrow keys move the slider by this share of the track, at least a second. */
const KEY_STEPS = 200;

/**
 * Replays the track: a slider over its time span, and play at 10×, 60× or 600×. The replayed moment
 * is the caller's (`time`/`timeChange`), so the map and the chart can show it too; at rest (null)
 * the slider stands at the track's end.
 */
@Component({
  selector: 'bcn-track-replay',
  imports: [DatePipe],
  templateUrl: './track-replay.html',
  styleUrl: './track-replay.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrackReplay {
  /** The replayed moment (epoch ms), and where the slider puts it. */
  readonly time = input<number | null>(null);
  readonly timeChange = output<number>();
  /** Oldest first, at least two. */
  readonly points = input.required<readonly TrackPoint[]>();
  /** An aircraft's replay tells its altitude too. */
  readonly withAltitude = input(false);

  protected readonly speeds = REPLAY_SPEEDS;
  protected readonly speed = signal<number>(60);
  protected readonly playing = signal(false);
  protected readonly start = computed(() => Date.parse(this.points()[0]?.timestamp ?? ''));
  protected readonly end = computed(() => Date.parse(this.points().at(-1)?.timestamp ?? ''));
  protected readonly step = computed(() => Math.max(1000, Math.round((this.end() - this.start()) / KEY_STEPS / 1000) * 1000));
  protected readonly shownTime = computed(() => Math.min(this.end(), Math.max(this.start(), this.time() ?? this.end())));
  protected readonly position = computed(() => replayPositionAt(this.points(), this.shownTime()));
  private readonly units = inject(Units).choice;
  protected readonly speedText = computed(() => formatSpeed(this.position()?.speed ?? null, this.units().speed));
  protected readonly altitudeText = computed(() => formatAltitude(this.position()?.altitude ?? null, this.units().altitude));
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Where a playing replay is, moved by the slider too while playing. */
  private playhead = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.pause());
  }

  protected seek(value: string): void {
    this.playhead = Number(value);
    this.timeChange.emit(this.playhead);
  }

  protected chooseSpeed(value: string): void {
    this.speed.set(Number(value));
  }

  protected toggle(): void {
    if (this.playing()) return this.pause();
    // From the end (where it rests), play from the start.
    this.playhead = this.shownTime() >= this.end() ? this.start() : this.shownTime();
    this.timeChange.emit(this.playhead);
    this.playing.set(true);
    this.timer = setInterval(() => {
      this.playhead = advanceReplay(this.playhead, TICK_MS, this.speed(), this.end());
      this.timeChange.emit(this.playhead);
      if (this.playhead >= this.end()) this.pause();
    }, TICK_MS);
  }

  private pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.playing.set(false);
  }
}
