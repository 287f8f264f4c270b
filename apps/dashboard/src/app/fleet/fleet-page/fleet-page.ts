import { ChangeDetectionStrategy, Component, effect, inject, untracked, viewChild } from '@angular/core';
import { Clock } from '../../shared/clock';
import { AssetDetail } from '../asset-detail/asset-detail';
import { AssetDetailStore } from '../asset-detail/asset-detail-store';
import { FleetFilters } from '../fleet-filters/fleet-filters';
import { SessionBadge } from '../../session/session-badge/session-badge';
import { Session } from '../../session/session';
import { FleetMap } from '../fleet-map/fleet-map';
import { FleetCustomers } from '../fleet-customers';
import { FLEET_QUERY_AT_START, FleetStore } from '../fleet-store';
import { FleetTable } from '../fleet-table/fleet-table';
import { MapFleet } from '../map-fleet';
import { cameraInAddressBar, queryInAddressBar, syncFleetWithUrl } from '../fleet-url/sync-fleet-with-url';
import type { MapCamera } from '../fleet-map/map-camera';
import { StaleIndicator } from '../stale-indicator/stale-indicator';
import { StatusCounts } from '../status-counts/status-counts';
import { ThemeToggle } from '../../shared/theme/theme-toggle';
import { UnitPicker } from '../../shared/units/unit-picker';

/**
 * The dashboard's one page: wires the store's signals into presentational components. Asset details
 * open in a panel beside the table; the filters and the open asset are the page's address
 * (fleet-url/), which the server answers with the dashboard too (a reloaded link works).
 */
@Component({
  selector: 'bcn-fleet-page',
  imports: [AssetDetail, FleetFilters, FleetMap, FleetTable, SessionBadge, StaleIndicator, StatusCounts, ThemeToggle, UnitPicker],
  // The fleet's polling and live stream live as long as the page: signing out stops them.
  providers: [FleetStore, FleetCustomers, MapFleet, AssetDetailStore, { provide: FLEET_QUERY_AT_START, useFactory: queryInAddressBar }],
  templateUrl: './fleet-page.html',
  styleUrl: './fleet-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FleetPage {
  protected readonly store = inject(FleetStore);
  protected readonly detail = inject(AssetDetailStore);
  protected readonly customers = inject(FleetCustomers);
  protected readonly mapFleet = inject(MapFleet);
  protected readonly clock = inject(Clock);
  protected readonly session = inject(Session);

  /** Where the map opens: the address's, for a linked or reloaded view. */
  protected readonly cameraAtStart = cameraInAddressBar();
  /** Where the map came to rest, for the address. */
  protected readonly mapRested: (camera: MapCamera) => void;

  private readonly table = viewChild(FleetTable);

  constructor() {
    this.mapRested = syncFleetWithUrl(this.cameraAtStart);
    // Another search or order is read from its first row: the table starts there too.
    effect(() => {
      this.store.filters();
      untracked(() => this.table()?.scrollToTop());
    });
  }
}
