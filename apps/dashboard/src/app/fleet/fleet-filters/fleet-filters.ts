import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { AssetKind, AssetStatus, CustomerDto } from '@beacon/contracts';
import { ASSET_KINDS, ASSET_STATUSES } from '@beacon/contracts';
import type { FleetQuery } from '../fleet-query';
import { isAssetKind, isAssetStatus } from '../fleet-query';

/** Search box and the selects. It only reports changes; the store decides when to query. */
@Component({
  selector: 'bcn-fleet-filters',
  templateUrl: './fleet-filters.html',
  styleUrl: './fleet-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetFilters {
  readonly filters = input.required<FleetQuery>();
  readonly customers = input.required<readonly CustomerDto[]>();
  /** False for a key scoped to one customer: there is nothing to choose. */
  readonly customerChoice = input(true);

  readonly searchChange = output<string>();
  readonly customerChange = output<string>();
  readonly statusChange = output<AssetStatus | ''>();
  readonly kindChange = output<AssetKind | ''>();

  protected readonly statuses = ASSET_STATUSES;
  protected readonly kinds = ASSET_KINDS;

  protected onStatus(value: string): void {
    this.statusChange.emit(isAssetStatus(value) ? value : '');
  }

  protected onKind(value: string): void {
    this.kindChange.emit(isAssetKind(value) ? value : '');
  }
}
