import { InjectionToken } from '@angular/core';
import type { AssetFeatures } from './asset-features';
import type { MapCamera } from './map-camera';
import type { MapColours } from './map-colours';
import type { LatLon, TrackFeatures } from './track-features';

/** What the fleet map component needs of a map, whatever draws it. */
export interface FleetMapView {
  /** Replaces the assets shown, in place: one source, whatever the size of the fleet. */
  showAssets(assets: AssetFeatures): void;
  /** Rings the open asset, or none. */
  select(id: string | null): void;
  /** Replaces the open asset's track (none: an empty collection), framing it when asked. */
  showTrack(track: TrackFeatures, frame: boolean): void;
  /** Marks the replayed moment of the track, or nothing. */
  showReplay(position: LatLon | null): void;
  /** Repaints with another theme's colours, keeping the assets and the view. */
  recolour(colours: MapColours): void;
  destroy(): void;
}

/**
 * Where the map came to rest: its camera, what it shows as the search's `bbox` (map-area.ts), and
 * whether the user moved it (a drag, a wheel, a key) or the page did.
 */
export interface MapMove {
  camera: MapCamera;
  area: string;
  byUser: boolean;
}

export interface FleetMapOptions {
  container: HTMLElement;
  colours: MapColours;
  /** Where the map opens (a linked or reloaded view); null: it frames the first fleet it is shown. */
  camera: MapCamera | null;
  /** Called with an asset's id when its point is clicked. */
  onAssetClick: (id: string) => void;
  /** Called each time the map comes to rest. */
  onMove: (move: MapMove) => void;
}

export type FleetMapFactory = (options: FleetMapOptions) => Promise<FleetMapView>;

/**
 * Makes the map. MapLibre is loaded only when a map is made, in a chunk of its own, so it does not
 * weigh on the dashboard's first load; specs provide a fake, and `maplibre-map-view.spec.ts` holds
 * the real one to what the component relies on.
 */
export const FLEET_MAP_FACTORY = new InjectionToken<FleetMapFactory>('FLEET_MAP_FACTORY', {
  providedIn: 'root',
  factory: () => async (options) => (await import('./maplibre-map-view')).createMapLibreView(options),
});
