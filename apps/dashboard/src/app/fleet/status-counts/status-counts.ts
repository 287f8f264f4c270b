import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { StatusCounts as Counts } from '@beacon/contracts';
import { ASSET_STATUSES } from '@beacon/contracts';

/** The totals from the search answer, so they agree with the filters the table shows. */
@Component({
  selector: 'bcn-status-counts',
  templateUrl: './status-counts.html',
  styleUrl: './status-counts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusCounts {
  readonly counts = input.required<Counts>();
  readonly total = input.required<number>();

  protected readonly statuses = ASSET_STATUSES;
}
