import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { AssetDto } from '@beacon/contracts';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';
import { StatusBadge } from '../status-badge/status-badge';

@Component({
  selector: 'bcn-fleet-table',
  imports: [RelativeTimePipe, StatusBadge],
  templateUrl: './fleet-table.html',
  styleUrl: './fleet-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetTable {
  readonly assets = input.required<readonly AssetDto[]>();
  /** Passed in rather than read here so "last seen" moves with the page's one ticking clock. */
  readonly now = input.required<number>();
  /** Before the first answer an empty table means "wait", not "nothing matches". */
  readonly loading = input(false);
  /** The asset whose details are open, marked in the table. */
  readonly selectedId = input<string | null>(null);

  /** The id of the asset whose details were asked for. */
  readonly openAsset = output<string>();
}
