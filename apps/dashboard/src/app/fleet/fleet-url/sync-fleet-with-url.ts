import { Location } from '@angular/common';
import { DestroyRef, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';
import { Session } from '../../session/session';
import { AssetDetailStore } from '../asset-detail/asset-detail-store';
import type { MapCamera } from '../fleet-map/map-camera';
import { cameraText } from '../fleet-map/map-camera';
import type { FleetQuery } from '../fleet-query';
import { FleetStore } from '../fleet-store';
import type { FleetView } from './fleet-view';
import { addressOfView, isTyping, sameView, viewOfUrl } from './fleet-view';

/** Marks the navigations this file makes, whose address already is the page's state. */
const FROM_THE_PAGE = Symbol('fleet view');

/** A pan or a zoom is many small moves: the address takes the camera once the map has been still this long. */
export const MAP_ADDRESS_DEBOUNCE_MS = 500;

/**
 * The filters in the address bar, for the store to start with (`FLEET_QUERY_AT_START`). A key
 * scoped to one customer has no customer filter, so a linked one is ignored.
 */
export function queryInAddressBar(): FleetQuery {
  return viewInAddressBar(inject(Router), inject(Location), inject(Session)).query;
}

/** Where the address says the map should open, or null to let it frame the fleet. */
export function cameraInAddressBar(): MapCamera | null {
  return viewInAddressBar(inject(Router), inject(Location), inject(Session)).camera;
}

/**
 * Keeps the fleet page and its address in step; called once by the page, in its injection context.
 * The page's state leads: a filter or the panel changed by the user changes the address (in place
 * while typing, see `isTyping`). The address leads when it changes otherwise (Back, Forward, the
 * first address): the state follows it. The map's camera (where it opened, `cameraAtStart`, then each
 * rest given to the function returned) goes into the address in place once the map is still
 * (`MAP_ADDRESS_DEBOUNCE_MS`); it is read from the address only when the page opens.
 */
export function syncFleetWithUrl(cameraAtStart: MapCamera | null): (rested: MapCamera) => void {
  const router = inject(Router);
  const location = inject(Location);
  const session = inject(Session);
  const store = inject(FleetStore);
  const detail = inject(AssetDetailStore);

  const show = (view: FleetView): void => {
    store.applyQuery(view.query);
    if (view.assetId === null) detail.close();
    else detail.open(view.assetId);
  };
  show(viewInAddressBar(router, location, session));

  router.events
    .pipe(
      filter((event) => event instanceof NavigationEnd),
      filter(() => router.lastSuccessfulNavigation()?.extras.info !== FROM_THE_PAGE),
      takeUntilDestroyed(),
    )
    .subscribe(() => show(viewInAddressBar(router, location, session)));

  const write = (next: FleetView, replaceUrl: boolean): void => {
    const { commands, queryParams } = addressOfView(next);
    void router.navigate(commands, { queryParams, replaceUrl, info: FROM_THE_PAGE });
  };
  let camera = cameraAtStart;
  effect(() => {
    const next: FleetView = { assetId: detail.selectedId(), query: store.filters(), camera };
    untracked(() => {
      const shown = viewInAddressBar(router, location, session);
      if (!sameView(shown, next)) write(next, isTyping(shown, next));
    });
  });

  let pending: ReturnType<typeof setTimeout> | undefined;
  inject(DestroyRef).onDestroy(() => clearTimeout(pending));
  return (rested) => {
    camera = rested;
    clearTimeout(pending);
    pending = setTimeout(() => {
      const shown = viewInAddressBar(router, location, session);
      if (shown.camera !== null && cameraText(shown.camera) === cameraText(rested)) return;
      write({ assetId: detail.selectedId(), query: store.filters(), camera: rested }, true);
    }, MAP_ADDRESS_DEBOUNCE_MS);
  };
}

function viewInAddressBar(router: Router, location: Location, session: Session): FleetView {
  const view = viewOfUrl(router.parseUrl(location.path()));
  return session.scopedCustomerId() === null ? view : { ...view, query: { ...view.query, customerId: '' } };
}
