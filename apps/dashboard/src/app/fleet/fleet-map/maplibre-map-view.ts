import type { Feature, Point } from 'geojson';
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { LngLatBounds, Map as MapLibreMap, getVersion, setWorkerUrl } from 'maplibre-gl';
import type { AssetFeatures } from './asset-features';
import type { Basemap } from './basemap';
import { loadBasemap } from './basemap';
import type { FleetMapOptions, FleetMapView, MapMove } from './fleet-map-view';
import { areaOfBounds } from './map-area';
import type { MapColours } from './map-colours';
import type { LatLon, TrackFeatures } from './track-features';
import { AIRCRAFT_SYMBOL, drawAircraftSymbol, drawHeadingArrow, HEADING_ARROW, HEADING_ARROW_PIXEL_RATIO } from './heading-arrow';
import {
  ASSET_CLUSTERS_LAYER,
  ASSET_POINTS_LAYER,
  ASSET_SELECTED_LAYER,
  ASSETS_SOURCE,
  BASEMAP_SOURCES,
  CLUSTER_MAX_ZOOM,
  colourPaint,
  fleetMapStyle,
  REPLAY_SOURCE,
  selectedFilter,
  TRACK_SOURCE,
} from './map-style';

/**
 * MapLibre's worker script, copied into the build by `project.json` ("assets"). By default MapLibre
 * looks for it beside its own module, which the bundler has merged into a chunk of another name.
 * Served from the dashboard's origin, it runs under the policy's `worker-src 'self'`.
 */
const WORKER_URL = `maplibre/maplibre-gl-worker.mjs?v=${getVersion()}`;
// `colourPaint` lists them from the style it builds, so they are the style's own names and values.
type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];
type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2];
/** Close enough to tell streets apart, far enough to keep a few vehicles on one screen. */
const MAX_FIT_ZOOM = 11;
/** What a user moves the map with: a drag, a wheel, a touch, a key. */
const USER_INPUT = ['pointerdown', 'wheel', 'touchstart', 'keydown'] as const;
/** A track framed closer than a fleet: a short one is a few streets. */
const MAX_TRACK_FIT_ZOOM = 15;

/** A MapLibre map in `container`, resolved once its style has loaded; the basemap follows when fetched. */
export async function createMapLibreView(options: FleetMapOptions, basemap: () => Promise<Basemap> = loadBasemap): Promise<MapLibreView> {
  setWorkerUrl(WORKER_URL);
  const map = new MapLibreMap({
    container: options.container,
    style: fleetMapStyle(options.colours),
    center: options.camera ? [options.camera.lon, options.camera.lat] : [15, 60],
    zoom: options.camera?.zoom ?? 3,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    // Symbols (heading arrows, aircraft) snap to their new places instead of fading over 300 ms:
    // each fade is a run of frames, and a live fleet would keep the map redrawing all the time.
    fadeDuration: 0,
    // No pitch or rotation: a fleet overview reads best north up.
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
  });
  await map.once('load');
  // Before any asset is shown, so the heading layer never asks for an image that is not there.
  map.addImage(HEADING_ARROW, drawHeadingArrow(options.colours.ink), { pixelRatio: HEADING_ARROW_PIXEL_RATIO });
  map.addImage(AIRCRAFT_SYMBOL, drawAircraftSymbol(options.colours.ink), { pixelRatio: HEADING_ARROW_PIXEL_RATIO });
  basemap()
    .then((shapes) => {
      for (const [key, source] of Object.entries(BASEMAP_SOURCES))
        void map.getSource<GeoJSONSource>(source)?.setData(shapes[key as keyof Basemap]);
    })
    // Without the basemap the fleet is still drawn, on plain sea.
    .catch((error: unknown) => console.warn('basemap not shown', error));
  return new MapLibreView(map, options);
}

export class MapLibreView implements FleetMapView {
  /** A map opened where its address said is the user's view already: it does not frame the fleet. */
  private fitted: boolean;
  private shown: AssetFeatures = { type: 'FeatureCollection', features: [] };

  constructor(
    /** The map itself, for specs to look into. */
    readonly map: MapLibreMap,
    options: FleetMapOptions,
  ) {
    this.fitted = options.camera !== null;
    // The map for end-to-end tests, which click points where WebGL drew them (dashboard README "Test hooks").
    Object.assign(options.container, { beaconMap: map });
    map.on('click', ASSET_POINTS_LAYER, (event: MapLayerMouseEvent) => {
      const id: unknown = event.features?.[0]?.properties['id'];
      if (typeof id === 'string') options.onAssetClick(id);
    });
    map.on('click', ASSET_CLUSTERS_LAYER, (event: MapLayerMouseEvent) => void this.expandCluster(event));
    // A move the user started. MapLibre's movement events do not say so reliably (a wheel's carry no
    // input event), so the user's own input on the map marks the move that follows it.
    let byUser = false;
    for (const type of USER_INPUT) map.getCanvasContainer().addEventListener(type, () => (byUser = true), { capture: true, passive: true });
    map.on('moveend', () => {
      options.onMove({ ...this.where(), byUser });
      byUser = false;
    });
    // Where it opened is its first rest: what "Search this area" would take before any move.
    options.onMove({ ...this.where(), byUser: false });
    for (const layer of [ASSET_POINTS_LAYER, ASSET_CLUSTERS_LAYER]) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
  }

  showAssets(assets: AssetFeatures): void {
    this.shown = assets;
    void this.map.getSource<GeoJSONSource>(ASSETS_SOURCE)?.setData(assets);
    // The first fleet to show frames the map; after that the view is the user's.
    if (!this.fitted && assets.features.length > 0) {
      this.fitted = true;
      const bounds = new LngLatBounds();
      for (const feature of assets.features) bounds.extend(feature.geometry.coordinates as [number, number]);
      this.map.fitBounds(bounds, { padding: 40, maxZoom: MAX_FIT_ZOOM, duration: 0 });
    }
  }

  showTrack(track: TrackFeatures, frame: boolean): void {
    void this.map.getSource<GeoJSONSource>(TRACK_SOURCE)?.setData(track);
    if (!frame || track.features.length === 0) return;
    const bounds = new LngLatBounds();
    for (const feature of track.features)
      if (feature.geometry.type === 'LineString')
        for (const point of feature.geometry.coordinates) bounds.extend(point as [number, number]);
    this.map.fitBounds(bounds, { padding: 40, maxZoom: MAX_TRACK_FIT_ZOOM, duration: 0 });
  }

  showReplay(position: LatLon | null): void {
    const features: Feature<Point>[] = position
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [position.lon, position.lat] }, properties: {} }]
      : [];
    void this.map.getSource<GeoJSONSource>(REPLAY_SOURCE)?.setData({ type: 'FeatureCollection', features });
  }

  select(id: string | null): void {
    this.map.setFilter(ASSET_SELECTED_LAYER, selectedFilter(id));
    // An asset opened from the table may sit inside a cluster or off screen: bring it into view, as a point of its own.
    const position = this.shown.features.find((feature) => feature.properties.id === id)?.geometry.coordinates;
    if (position) this.map.easeTo({ center: position as [number, number], zoom: Math.max(this.map.getZoom(), CLUSTER_MAX_ZOOM + 1) });
  }

  /**
   * Repaints in place: each layer's colours, and the arrow and the aircraft in the new ink. Rebuilding the map
   * instead would drop its sources' data and the user's view.
   */
  recolour(colours: MapColours): void {
    for (const { layer, property, value } of colourPaint(colours))
      this.map.setPaintProperty(layer, property as PaintProperty, value as PaintValue);
    this.map.updateImage(HEADING_ARROW, drawHeadingArrow(colours.ink));
    this.map.updateImage(AIRCRAFT_SYMBOL, drawAircraftSymbol(colours.ink));
  }

  destroy(): void {
    this.map.remove();
  }

  private where(): Omit<MapMove, 'byUser'> {
    const { lat, lng } = this.map.getCenter();
    const bounds = this.map.getBounds();
    return {
      camera: { lat, lon: lng, zoom: this.map.getZoom() },
      area: areaOfBounds({ west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() }),
    };
  }

  private async expandCluster(event: MapLayerMouseEvent): Promise<void> {
    const cluster = event.features?.[0];
    const clusterId: unknown = cluster?.properties['cluster_id'];
    if (cluster?.geometry.type !== 'Point' || typeof clusterId !== 'number') return;
    const zoom = await this.map.getSource<GeoJSONSource>(ASSETS_SOURCE)?.getClusterExpansionZoom(clusterId);
    if (zoom !== undefined) this.map.easeTo({ center: cluster.geometry.coordinates as [number, number], zoom });
  }
}
