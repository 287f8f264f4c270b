import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { AssetStatus, StatusCounts as Counts } from '@beacon/contracts';
import { ASSET_STATUSES } from '@beacon/contracts';

/**
 * The totals from the search answer, so they agree with the filters the table shows. Each count is
 * also the status filter: a click shows that status alone, a second click (or Total) all of them.
 */
@Component({
  selector: 'bcn-status-counts',
  templateUrl: './status-counts.html',
  styleUrl: './status-counts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusCounts {
  readonly counts = input.required<Counts>();
  readonly total = input.required<number>();
  /** The status filter in force; '' for all. */
  readonly selected = input<AssetStatus | ''>('');

  readonly statusChange = output<AssetStatus | ''>();

  protected readonly statuses = ASSET_STATUSES;
}
