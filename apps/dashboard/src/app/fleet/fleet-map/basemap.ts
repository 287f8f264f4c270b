import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Natural Earth's countries at 1:50m, from the `world-atlas` package, copied into the build by
 * `project.json` ("assets"), so the map is drawn from the dashboard's own origin and works where
 * no tile server can be reached. It ships as TopoJSON (shared arcs, quantized: a fifth of the same
 * shapes as GeoJSON) and is turned into GeoJSON here, once per map.
 */
export const BASEMAP_URL = 'basemap/countries-50m.json';

/** The basemap's three layers of shapes, as GeoJSON for MapLibre's sources. */
export interface Basemap {
  land: FeatureCollection;
  /** Arcs that bound one country only: where land meets the sea. */
  coastlines: FeatureCollection<MultiLineString>;
  /** Arcs shared by two countries, drawn once. */
  borders: FeatureCollection<MultiLineString>;
}

/** The shape of world-atlas's `countries-*.json`: the countries, and the land merged from them. */
export type CountriesTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

export function toBasemap(topology: CountriesTopology): Basemap {
  const { countries, land } = topology.objects;
  return {
    // The merged land rather than the countries, so the fill has no seams where borders run.
    land: feature(topology, land),
    coastlines: asCollection(mesh(topology, land)),
    borders: asCollection(mesh(topology, countries, (a, b) => a !== b)),
  };
}

/** Fetches the basemap from the dashboard's origin; `fetch` is the browser's, so specs can pass their own. */
export async function loadBasemap(fetchJson: (url: string) => Promise<unknown> = fetchSameOrigin): Promise<Basemap> {
  return toBasemap((await fetchJson(BASEMAP_URL)) as CountriesTopology);
}

async function fetchSameOrigin(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`basemap: ${response.status} for ${url}`);
  return response.json();
}

function asCollection(geometry: MultiLineString): FeatureCollection<MultiLineString> {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: {} }] };
}
