import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { MapColours } from './map-colours';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { AIRCRAFT_SYMBOL, HEADING_ARROW } from './heading-arrow';
import { ASSET_HEADINGS_LAYER, ASSET_SELECTED_LAYER, ASSETS_SOURCE, colourPaint, fleetMapStyle, selectedFilter } from './map-style';

const COLOURS: MapColours = {
  status: { online: '#0f7a3d', offline: '#b42318', unknown: '#5f6b7a' },
  selected: '#2563eb',
  basemap: { sea: '#d6e4ee', land: '#fbfcfd', coast: '#9aa5b1', border: '#c3cbd4' },
  ink: '#ffffff',
};

describe('fleetMapStyle', () => {
  const style = fleetMapStyle(COLOURS);

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('names no URL at all, so nothing is fetched from another origin (or at all) to draw it', () => {
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:/i);
    expect(text).not.toContain('//');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source.type).withContext(id).toBe('geojson');
      expect(typeof (source as { data: unknown }).data)
        .withContext(`${id} holds its data`)
        .toBe('object');
    }
  });

  it('has no layer that would need glyphs', () => {
    const symbols = style.layers.filter((layer) => layer.type === 'symbol');
    expect(symbols.filter((layer) => 'text-field' in (layer.layout ?? {}))).toEqual([]);
  });

  it('clusters the fleet in its one source and colours points by the badges’ status colours', () => {
    expect(style.sources[ASSETS_SOURCE]).toEqual(jasmine.objectContaining({ type: 'geojson', cluster: true }));
    const text = JSON.stringify(style.layers);
    for (const colour of Object.values(COLOURS.status)) expect(text).toContain(colour);
  });

  it('rings no asset until one is selected, then that one only', () => {
    const ring = () => style.layers.find((l) => l.id === ASSET_SELECTED_LAYER) as { filter?: unknown };
    expect(JSON.stringify(ring().filter)).toBe(JSON.stringify(selectedFilter(null)));
    expect(JSON.stringify(selectedFilter('VIN-1'))).toContain('"VIN-1"');

    const selecting = structuredClone(style);
    (selecting.layers.find((l) => l.id === ASSET_SELECTED_LAYER) as { filter?: unknown }).filter = selectedFilter('VIN-1');
    expect(validateStyleMin(selecting)).toEqual([]);
  });

  it('marks a vehicle with an arrow only when it reports a heading, and an aircraft always with its silhouette', () => {
    const headings = style.layers.find((l) => l.id === ASSET_HEADINGS_LAYER) as { filter?: unknown; layout?: Record<string, unknown> };
    const image = headings.layout?.['icon-image'] as unknown[];
    expect(image).toEqual(['match', ['get', 'kind'], 'aircraft', AIRCRAFT_SYMBOL, HEADING_ARROW]);
    const { filter } = featureFilter(headings.filter as FilterSpecification, 'headings');
    type Evaluated = Parameters<typeof filter>;
    const shown = (properties: Record<string, unknown>): boolean =>
      filter({ zoom: 10 }, { type: 1, properties, geometry: [] } as unknown as Evaluated[1]);
    expect(shown({ kind: 'vehicle', heading: 90 })).toBeTrue();
    expect(shown({ kind: 'vehicle', heading: null })).toBeFalse();
    expect(shown({ kind: 'aircraft', heading: null })).toBeTrue();
    expect(shown({ kind: 'aircraft', heading: 270, point_count: 4, cluster: true })).toBeFalse();
  });

  it('lists every colour it paints, so a change of theme repaints them all', () => {
    const paint = colourPaint(COLOURS);
    const painted = JSON.stringify(paint.map((p) => p.value));
    for (const colour of [...Object.values(COLOURS.status), ...Object.values(COLOURS.basemap), COLOURS.selected, COLOURS.ink])
      expect(painted).withContext(colour).toContain(colour);
    expect(paint.every((p) => p.property.endsWith('-color'))).toBeTrue();
  });
});
