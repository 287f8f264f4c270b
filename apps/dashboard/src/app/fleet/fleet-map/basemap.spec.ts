import type { CountriesTopology } from './basemap';
import { BASEMAP_URL, loadBasemap, toBasemap } from './basemap';

/**
 * Two unit squares side by side, west and east, sharing the arc x = 1. Arcs: 0 the shared edge
 * (1,0)→(1,1); 1 west's outer edge (1,1)→(0,1)→(0,0)→(1,0); 2 east's outer edge (1,0)→(2,0)→(2,1)→(1,1).
 */
const TWO_COUNTRIES: CountriesTopology = {
  type: 'Topology',
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ],
  ],
  objects: {
    countries: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], id: 'W' },
        { type: 'Polygon', arcs: [[2, ~0]], id: 'E' },
      ],
    },
    land: { type: 'GeometryCollection', geometries: [{ type: 'MultiPolygon', arcs: [[[1, 2]]] }] },
  },
};

describe('basemap', () => {
  it('fills the land and draws the coast round it', () => {
    const basemap = toBasemap(TWO_COUNTRIES);

    expect(basemap.land.features.length).toBe(1);
    expect(basemap.land.features[0]?.geometry.type).toBe('MultiPolygon');
    const coast = basemap.coastlines.features[0]?.geometry.coordinates ?? [];
    expect(coast.flat()).toContain([2, 0]);
    expect(coast.flat()).toContain([0, 1]);
  });

  it('draws a border only where two countries meet, once', () => {
    const borders = toBasemap(TWO_COUNTRIES).borders.features[0]?.geometry.coordinates;

    expect(borders).toEqual([
      [
        [1, 0],
        [1, 1],
      ],
    ]);
  });

  it('loads the shapes from the dashboard’s own origin', async () => {
    const asked: string[] = [];
    await loadBasemap((url) => {
      asked.push(url);
      return Promise.resolve(TWO_COUNTRIES);
    });

    expect(asked).toEqual([BASEMAP_URL]);
    expect(new URL(BASEMAP_URL, location.href).origin).toBe(location.origin);
  });
});
