import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Clock } from '../../shared/clock';
import { FleetFilters } from '../fleet-filters/fleet-filters';
import { FleetStore } from '../fleet-store';
import { FleetTable } from '../fleet-table/fleet-table';
import { StaleIndicator } from '../stale-indicator/stale-indicator';
import { StatusCounts } from '../status-counts/status-counts';

/** The dashboard's one page: wires the store's signals into presentational components. */
@Component({
  selector: 'bcn-fleet-page',
  imports: [FleetFilters, FleetTable, StaleIndicator, StatusCounts],
  templateUrl: './fleet-page.html',
  styleUrl: './fleet-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetPage {
  protected readonly store = inject(FleetStore);
  protected readonly clock = inject(Clock);
}
