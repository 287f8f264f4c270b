import type { ExpressionSpecification, FilterSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { AIRCRAFT_SYMBOL, HEADING_ARROW } from './heading-arrow';
import type { MapColours } from './map-colours';

export const ASSETS_SOURCE = 'assets';
export const ASSET_POINTS_LAYER = 'asset-points';
export const ASSET_CLUSTERS_LAYER = 'asset-clusters';
export const ASSET_SELECTED_LAYER = 'asset-selected';
export const ASSET_HEADINGS_LAYER = 'asset-headings';
/** The open asset's track, under the fleet's points, and the replayed moment, above them. */
export const TRACK_SOURCE = 'track';
export const TRACK_LINE_LAYER = 'track-line';
export const TRACK_ENDS_LAYER = 'track-ends';
export const REPLAY_SOURCE = 'replay';
export const REPLAY_LAYER = 'replay-marker';
/** Past this zoom every asset is its own point, however close. */
export const CLUSTER_MAX_ZOOM = 10;
export const BASEMAP_SOURCES = { land: 'land', coastlines: 'coastlines', borders: 'borders' } as const;

const isCluster: ExpressionSpecification = ['has', 'point_count'];
const isPoint: ExpressionSpecification = ['!', ['has', 'point_count']];

/**
 * The map's whole style. Every source is GeoJSON data held in the page (the basemap arrives with
 * `setData` once loaded, see `basemap.ts`; the fleet with every answer), so the style names no URL
 * at all: no tiles, no glyphs and no sprite to fetch. Hence no text: clusters show their size by
 * their radius, not a number, and the heading arrow is an image the map draws itself.
 */
export function fleetMapStyle(colours: MapColours): StyleSpecification {
  return {
    version: 8,
    sources: {
      [BASEMAP_SOURCES.land]: { type: 'geojson', data: empty() },
      [BASEMAP_SOURCES.coastlines]: { type: 'geojson', data: empty() },
      [BASEMAP_SOURCES.borders]: { type: 'geojson', data: empty() },
      [ASSETS_SOURCE]: {
        type: 'geojson',
        data: empty(),
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterProperties: {
          offline: ['+', ['case', ['==', ['get', 'status'], 'offline'], 1, 0]],
          online: ['+', ['case', ['==', ['get', 'status'], 'online'], 1, 0]],
        },
      },
      [TRACK_SOURCE]: { type: 'geojson', data: empty() },
      [REPLAY_SOURCE]: { type: 'geojson', data: empty() },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': colours.basemap.sea } },
      { id: 'land', type: 'fill', source: BASEMAP_SOURCES.land, paint: { 'fill-color': colours.basemap.land } },
      {
        id: 'borders',
        type: 'line',
        source: BASEMAP_SOURCES.borders,
        paint: { 'line-color': colours.basemap.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: 'coastlines',
        type: 'line',
        source: BASEMAP_SOURCES.coastlines,
        paint: { 'line-color': colours.basemap.coast, 'line-width': 0.8 },
      },
      {
        id: TRACK_LINE_LAYER,
        type: 'line',
        source: TRACK_SOURCE,
        filter: ['==', ['geometry-type'], 'LineString'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': colours.selected, 'line-width': 3, 'line-opacity': 0.85 },
      },
      {
        // Where the track starts is hollow, where it ends (the newest position) filled.
        id: TRACK_ENDS_LAYER,
        type: 'circle',
        source: TRACK_SOURCE,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': ['match', ['get', 'end'], 'end', 6, 5],
          'circle-color': ['match', ['get', 'end'], 'end', colours.selected, colours.basemap.land],
          'circle-stroke-width': 2,
          'circle-stroke-color': colours.selected,
        },
      },
      {
        id: ASSET_CLUSTERS_LAYER,
        type: 'circle',
        source: ASSETS_SOURCE,
        filter: isCluster,
        paint: {
          'circle-color': clusterColour(colours),
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 100, 22],
          'circle-stroke-width': 2,
          'circle-stroke-color': colours.ink,
        },
      },
      {
        id: ASSET_SELECTED_LAYER,
        type: 'circle',
        source: ASSETS_SOURCE,
        filter: selectedFilter(null),
        paint: {
          'circle-radius': 13,
          'circle-color': colours.selected,
          'circle-opacity': 0.25,
          'circle-stroke-width': 2,
          'circle-stroke-color': colours.selected,
        },
      },
      {
        id: ASSET_POINTS_LAYER,
        type: 'circle',
        source: ASSETS_SOURCE,
        filter: isPoint,
        paint: { 'circle-color': statusColour(colours), 'circle-radius': 7, 'circle-stroke-width': 2, 'circle-stroke-color': colours.ink },
      },
      {
        // An icon only, no text: a symbol layer needs glyphs only for text. A vehicle gets an arrow
        // when it reports a heading; an aircraft always gets its silhouette, nose north until it
        // reports a track.
        id: ASSET_HEADINGS_LAYER,
        type: 'symbol',
        source: ASSETS_SOURCE,
        filter: ['all', isPoint, ['any', ['!=', ['get', 'heading'], null], ['==', ['get', 'kind'], 'aircraft']]],
        layout: {
          'icon-image': ['match', ['get', 'kind'], 'aircraft', AIRCRAFT_SYMBOL, HEADING_ARROW],
          'icon-rotate': ['coalesce', ['get', 'heading'], 0],
          'icon-rotation-alignment': 'map',
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
      {
        id: REPLAY_LAYER,
        type: 'circle',
        source: REPLAY_SOURCE,
        paint: { 'circle-radius': 8, 'circle-color': colours.selected, 'circle-stroke-width': 3, 'circle-stroke-color': colours.ink },
      },
    ],
  };
}

/** The selected asset's ring: its point when it is drawn on its own, nothing while it is inside a cluster or none is open. */
export function selectedFilter(id: string | null): FilterSpecification {
  return ['all', isPoint, ['==', ['get', 'id'], id ?? '']];
}

function empty(): FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}

function statusColour(colours: MapColours): ExpressionSpecification {
  return ['match', ['get', 'status'], 'online', colours.status.online, 'offline', colours.status.offline, colours.status.unknown];
}

/** A cluster is as bad as its worst member: offline if any is, online only if all are. */
function clusterColour(colours: MapColours): ExpressionSpecification {
  return [
    'case',
    ['>', ['get', 'offline'], 0],
    colours.status.offline,
    ['==', ['get', 'online'], ['get', 'point_count']],
    colours.status.online,
    colours.status.unknown,
  ];
}

/** Every colour the style paints, by layer: what changes when the theme does, and nothing else. */
export function colourPaint(colours: MapColours): { layer: string; property: string; value: unknown }[] {
  return fleetMapStyle(colours).layers.flatMap((layer) =>
    Object.entries(layer.paint ?? {})
      .filter(([property]) => property.endsWith('-color'))
      .map(([property, value]) => ({ layer: layer.id, property, value: value as unknown })),
  );
}
