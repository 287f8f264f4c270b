import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';

/**
 * Warns that the table may no longer be true. The host is a live region so screen readers
 * hear the warning appear and clear.
 */
@Component({
  selector: 'bcn-stale-indicator',
  imports: [RelativeTimePipe],
  templateUrl: './stale-indicator.html',
  styleUrl: './stale-indicator.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status' },
})
export class StaleIndicator {
  readonly stale = input.required<boolean>();
  /** Whether the latest request failed, as opposed to answers simply being slow. */
  readonly failing = input(false);
  readonly lastSuccessAt = input<number | null>(null);
  readonly now = input.required<number>();

  protected readonly lastSuccessIso = computed(() => {
    const at = this.lastSuccessAt();
    return at === null ? null : new Date(at).toISOString();
  });
}
