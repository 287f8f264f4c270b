import type { GeoJSONSource } from 'maplibre-gl';
import type { AssetFeatures } from './asset-features';
import type { Basemap } from './basemap';
import type { MapMove } from './fleet-map-view';
import type { MapCamera } from './map-camera';
import { AIRCRAFT_SYMBOL, HEADING_ARROW } from './heading-arrow';
import type { MapColours } from './map-colours';
import {
  ASSET_POINTS_LAYER,
  ASSET_SELECTED_LAYER,
  ASSETS_SOURCE,
  CLUSTER_MAX_ZOOM,
  REPLAY_SOURCE,
  TRACK_LINE_LAYER,
  TRACK_SOURCE,
  selectedFilter,
} from './map-style';
import { toTrackFeatures } from './track-features';
import type { MapLibreView } from './maplibre-map-view';
import { createMapLibreView } from './maplibre-map-view';

const COLOURS: MapColours = {
  status: { online: '#0f7a3d', offline: '#b42318', unknown: '#5f6b7a' },
  selected: '#2563eb',
  basemap: { sea: '#d6e4ee', land: '#fbfcfd', coast: '#9aa5b1', border: '#c3cbd4' },
  ink: '#ffffff',
};
const NO_BASEMAP: Basemap = {
  land: { type: 'FeatureCollection', features: [] },
  coastlines: { type: 'FeatureCollection', features: [] },
  borders: { type: 'FeatureCollection', features: [] },
};
const FLEET: AssetFeatures = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [18.0, 59.3] },
      properties: { id: 'a', status: 'online', kind: 'vehicle', heading: 90 },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [18.2, 59.4] },
      properties: { id: 'b', status: 'offline', kind: 'vehicle', heading: null },
    },
  ],
};

/**
 * The real MapLibre map in the test browser (Chromium draws WebGL in software): it loads its worker
 * from the test server's origin, keeps the fleet in its one source, frames it, follows the
 * selection and reports clicks on points.
 */
describe('createMapLibreView', () => {
  let container: HTMLElement;
  let view: MapLibreView | undefined;
  let clicked: string[];
  let moves: MapMove[];

  const open = (camera: MapCamera | null) =>
    createMapLibreView(
      { container, colours: COLOURS, camera, onAssetClick: (id) => clicked.push(id), onMove: (move) => moves.push(move) },
      () => Promise.resolve(NO_BASEMAP),
    );

  beforeEach(async () => {
    container = document.createElement('div');
    container.style.cssText = 'position: fixed; left: 0; top: 0; width: 400px; height: 300px;';
    document.body.append(container);
    clicked = [];
    moves = [];
    view = await open(null);
  });

  afterEach(() => {
    view?.destroy();
    container.remove();
  });

  it('holds the fleet in its one source, with no DOM marker per asset, and frames it', async () => {
    view?.showAssets(FLEET);
    const source = view?.map.getSource<GeoJSONSource>(ASSETS_SOURCE);

    expect(await source?.getData()).toEqual(FLEET);
    expect(container.querySelectorAll('.maplibregl-marker').length).toBe(0);
    expect(view?.map.getBounds().contains([18.0, 59.3])).toBeTrue();
    expect(view?.map.getBounds().contains([18.2, 59.4])).toBeTrue();
  });

  it('opens where it is told, and leaves that view alone when the fleet comes', async () => {
    view?.destroy();
    view = await open({ lat: 59.19, lon: 17.63, zoom: 10 });
    view.showAssets(FLEET);

    expect(view.map.getCenter().lat).toBeCloseTo(59.19, 5);
    expect(view.map.getZoom()).toBe(10);
    expect(view.map.getBounds().contains([18.2, 59.4]))
      .withContext('not framed to the fleet')
      .toBeFalse();
  });

  it('reports where it came to rest, and whether the user moved it', async () => {
    const map = view?.map;
    if (!map) throw new Error('no map');
    map.jumpTo({ center: [17.63, 59.19], zoom: 10 });
    expect(moves.at(-1)?.byUser).toBeFalse();
    expect(moves.at(-1)?.camera).toEqual({ lat: jasmine.any(Number), lon: jasmine.any(Number), zoom: 10 });
    const [west = 0, south = 0, east = 0, north = 0] = (moves.at(-1)?.area ?? '').split(',').map(Number);
    expect([west < 17.63, 17.63 < east, south < 59.19, 59.19 < north])
      .withContext('the area around its centre')
      .toEqual([true, true, true, true]);

    const rested = map.once('moveend');
    const canvas = map.getCanvas();
    const { left, top, width, height } = canvas.getBoundingClientRect();
    canvas.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -200,
        deltaMode: 0,
        clientX: left + width / 2,
        clientY: top + height / 2,
        bubbles: true,
        cancelable: true,
      }),
    );
    await rested;

    expect(moves.at(-1)?.byUser).toBeTrue();
    expect(moves.at(-1)?.camera.zoom).toBeGreaterThan(10);
  });

  it('rings the selected asset', () => {
    view?.select('b');

    // Compared as JSON: the filter types are too deep for Jasmine's matcher types.
    expect(JSON.stringify(view?.map.getFilter(ASSET_SELECTED_LAYER))).toBe(JSON.stringify(selectedFilter('b')));
  });

  it('brings the selected asset into view as a point of its own', async () => {
    const map = view?.map;
    if (!map) throw new Error('no map');
    view?.showAssets(FLEET);
    const moved = map.once('moveend');
    view?.select('b');
    await moved;

    expect(map.getCenter().lng).toBeCloseTo(18.2, 5);
    expect(map.getCenter().lat).toBeCloseTo(59.4, 5);
    expect(map.getZoom()).toBeGreaterThan(CLUSTER_MAX_ZOOM);
  });

  it('reports the asset whose point is clicked', async () => {
    const map = view?.map;
    if (!map) throw new Error('no map');
    view?.showAssets(FLEET);
    map.jumpTo({ center: [18.0, 59.3], zoom: 14 }); // past clustering: each asset its own point
    await map.once('idle');

    const { x, y } = map.project([18.0, 59.3]);
    const canvas = map.getCanvas();
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.left + x, clientY: box.top + y, bubbles: true };
    canvas.dispatchEvent(new MouseEvent('mousedown', at));
    canvas.dispatchEvent(new MouseEvent('mouseup', at));
    canvas.dispatchEvent(new MouseEvent('click', at));

    expect(clicked).toEqual(['a']);
    expect(map.hasImage(HEADING_ARROW)).toBeTrue();
    expect(map.hasImage(AIRCRAFT_SYMBOL)).toBeTrue();
  });

  it('draws a track in its own source, framing it only when asked, and clears it', async () => {
    const map = view?.map;
    if (!map) throw new Error('no map');
    const track = toTrackFeatures([
      { lat: 57.7, lon: 11.9 },
      { lat: 57.71, lon: 11.95 },
      { lat: 57.72, lon: 11.97 },
    ]);
    view?.showAssets(FLEET);
    view?.showTrack(track, true);

    expect(await map.getSource<GeoJSONSource>(TRACK_SOURCE)?.getData()).toEqual(track);
    expect(map.getBounds().contains([11.9, 57.7])).toBeTrue();
    expect(map.getBounds().contains([11.97, 57.72])).toBeTrue();
    expect(map.getBounds().contains([18.0, 59.3]))
      .withContext('the track, not the fleet')
      .toBeFalse();
    const framed = map.getCenter();

    view?.showTrack(
      toTrackFeatures([
        { lat: 59.3, lon: 18.0 },
        { lat: 59.4, lon: 18.2 },
      ]),
      false,
    );
    expect(map.getCenter()).withContext('an update does not move the view').toEqual(framed);

    map.jumpTo({ center: [11.95, 57.71], zoom: 12 });
    await map.once('idle');
    view?.showTrack(track, false);
    await map.once('idle');
    expect(map.queryRenderedFeatures({ layers: [TRACK_LINE_LAYER] }).length)
      .withContext('the line is drawn')
      .toBeGreaterThan(0);

    view?.showTrack(toTrackFeatures([]), false);
    expect(await map.getSource<GeoJSONSource>(TRACK_SOURCE)?.getData()).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('marks the replayed moment, and removes the mark', async () => {
    const source = () => view?.map.getSource<GeoJSONSource>(REPLAY_SOURCE);
    view?.showReplay({ lat: 57.7, lon: 11.9 });
    expect(await source()?.getData()).toEqual({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [11.9, 57.7] }, properties: {} }],
    });
    view?.showReplay(null);
    expect(await source()?.getData()).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('repaints in another theme’s colours, keeping its assets', async () => {
    const dark: MapColours = {
      status: { online: '#5fd68c', offline: '#ff8f85', unknown: '#aeb9c6' },
      selected: '#7cb0ff',
      basemap: { sea: '#0d1b27', land: '#1d2630', coast: '#5d6d7e', border: '#3b4756' },
      ink: '#0b1117',
    };
    view?.showAssets(FLEET);
    view?.recolour(dark);
    const map = view?.map;
    // As JSON, like the filters above: the paint types are too deep for Jasmine's matcher types.
    const paint = (layer: string, property: 'background-color' | 'fill-color' | 'circle-color' | 'circle-stroke-color') =>
      JSON.stringify(map?.getPaintProperty(layer, property));

    expect(paint('sea', 'background-color')).toBe('"#0d1b27"');
    expect(paint('land', 'fill-color')).toBe('"#1d2630"');
    expect(paint(ASSET_POINTS_LAYER, 'circle-stroke-color')).toBe('"#0b1117"');
    expect(paint(ASSET_POINTS_LAYER, 'circle-color')).toContain('#5fd68c');
    expect(await map?.getSource<GeoJSONSource>(ASSETS_SOURCE)?.getData()).toEqual(FLEET);
  });
});
