import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { AssetStatus, CustomerDto } from '@beacon/contracts';
import { ASSET_STATUSES } from '@beacon/contracts';
import type { FleetQuery } from '../fleet-query';
import { isAssetStatus } from '../fleet-query';

/** Search box and the two selects. It only reports changes; the store decides when to query. */
@Component({
  selector: 'bcn-fleet-filters',
  templateUrl: './fleet-filters.html',
  styleUrl: './fleet-filters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetFilters {
  readonly filters = input.required<FleetQuery>();
  readonly customers = input.required<readonly CustomerDto[]>();

  readonly searchChange = output<string>();
  readonly customerChange = output<string>();
  readonly statusChange = output<AssetStatus | ''>();

  protected readonly statuses = ASSET_STATUSES;

  protected onStatus(value: string): void {
    this.statusChange.emit(isAssetStatus(value) ? value : '');
  }
}
