import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { Clock } from '../../shared/clock';
import type { TrackRange } from './track-range';
import { LAST_DAY, LAST_HOUR, customRange, toLocalInput } from './track-range';

type Choice = 'hour' | 'day' | 'custom';

/**
 * The track's period: the last hour, the last 24 h, or a custom window from two local date-times,
 * checked before it is asked for (the start before the end).
 */
@Component({
  selector: 'bcn-track-range-picker',
  templateUrl: './track-range-picker.html',
  styleUrl: './track-range-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrackRangePicker {
  readonly range = input.required<TrackRange>();
  readonly rangeChange = output<TrackRange>();

  private readonly clock = inject(Clock);
  /** Custom chosen but not yet applied: the form shows before a range is asked for. */
  private readonly editingCustom = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly choice = computed<Choice>(() => {
    const range = this.range();
    if (this.editingCustom() || range.kind === 'custom') return 'custom';
    return range.hours === 1 ? 'hour' : 'day';
  });
  /** The custom form starts at the range shown, or the last 24 h. */
  protected readonly initialFrom = computed(() => {
    const range = this.range();
    return toLocalInput(range.kind === 'custom' ? Date.parse(range.from) : this.clock.read() - 24 * 3_600_000);
  });
  protected readonly initialTo = computed(() => {
    const range = this.range();
    return toLocalInput(range.kind === 'custom' ? Date.parse(range.to) : this.clock.read());
  });

  protected choose(choice: string): void {
    this.error.set(null);
    this.editingCustom.set(choice === 'custom');
    if (choice === 'hour') this.rangeChange.emit(LAST_HOUR);
    if (choice === 'day') this.rangeChange.emit(LAST_DAY);
  }

  protected applyCustom(event: Event, from: string, to: string): void {
    event.preventDefault();
    const result = customRange(from, to);
    if ('error' in result) return this.error.set(result.error);
    this.error.set(null);
    this.rangeChange.emit(result.range);
  }
}
