import type { Params, UrlTree } from '@angular/router';
import { PRIMARY_OUTLET } from '@angular/router';
import { queryPairs } from '../../shared/query-params';
import type { FleetQuery } from '../fleet-query';
import { isAssetKind, isAssetStatus } from '../fleet-query';
import { readSort } from '../fleet-sort';
import { readArea } from '../fleet-map/map-area';
import type { MapCamera } from '../fleet-map/map-camera';
import { cameraText, readCamera } from '../fleet-map/map-camera';

/**
 * What the fleet page shows, as far as an address can say it: the filters, the open asset and where
 * the map looks. `/` is the fleet, `/assets/:id` the fleet with that asset's panel open; the filters
 * are the query string, named as the asset search names them (`q`, `customerId`, `status`, `kind`,
 * `bbox`, `sort`), so a view can be linked, bookmarked and reloaded, and Back and Forward move between
 * views. `map` is the map's centre and zoom (`lat,lon,zoom`, fleet-map/map-camera.ts): where a linked
 * or reloaded map opens, null while the map frames the fleet itself.
 */
export interface FleetView {
  assetId: string | null;
  query: FleetQuery;
  camera: MapCamera | null;
}

/** The view an address names. What it cannot say (an unknown status, a repeated name) is left unset. */
export function viewOfUrl(url: UrlTree): FleetView {
  const segments = url.root.children[PRIMARY_OUTLET]?.segments ?? [];
  const [first, second] = segments;
  const assetId = segments.length === 2 && first?.path === 'assets' && second?.path ? second.path : null;
  const params = url.queryParams;
  const status = text(params, 'status');
  const kind = text(params, 'kind');
  return {
    assetId,
    query: {
      q: text(params, 'q'),
      customerId: text(params, 'customerId'),
      status: isAssetStatus(status) ? status : '',
      kind: isAssetKind(kind) ? kind : '',
      bbox: readArea(text(params, 'bbox')),
      sort: readSort(text(params, 'sort')),
    },
    camera: readCamera(text(params, 'map')),
  };
}

/** The router's commands and query parameters for a view; unset filters are left out of the address. */
export function addressOfView(view: FleetView): { commands: string[]; queryParams: Params } {
  const map = view.camera === null ? undefined : cameraText(view.camera);
  return {
    commands: view.assetId === null ? ['/'] : ['/assets', view.assetId],
    queryParams: Object.fromEntries(queryPairs({ ...view.query, map })),
  };
}

/**
 * The same filters and asset. The camera is left out: it follows the user's hand and is written in
 * place, so a move of the map is never a view of its own in the history.
 */
export function sameView(a: FleetView, b: FleetView): boolean {
  return a.assetId === b.assetId && sameQuery(a.query, b.query);
}

/**
 * Typing in the search box changes the address in place: Back should return to the view before the
 * search, not through it one letter at a time. Any other change is a step in the history.
 */
export function isTyping(from: FleetView, to: FleetView): boolean {
  return from.assetId === to.assetId && from.query.q !== to.query.q && sameQuery(from.query, { ...to.query, q: from.query.q });
}

function sameQuery(a: FleetQuery, b: FleetQuery): boolean {
  return (
    a.q === b.q && a.customerId === b.customerId && a.status === b.status && a.kind === b.kind && a.bbox === b.bbox && a.sort === b.sort
  );
}

function text(params: Params, name: string): string {
  const value: unknown = params[name];
  return typeof value === 'string' ? value : '';
}
