import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

export interface LatLon {
  lat: number;
  lon: number;
}

/** The open asset's track for the map; a new `key` (another asset or range) is framed once, live points are not. */
export interface MapTrack {
  key: string;
  /** Oldest first. */
  points: readonly LatLon[];
}

/** The route as a line, and its two ends as points the style marks apart (`end`: where it starts, where it is now). */
export type TrackFeatures = FeatureCollection<LineString | Point, { end: 'start' | 'end' | null }>;

/**
 * The track as the map's track source. Longitudes are unwrapped over the antimeridian (179.9 then
 * 180.1, not −179.9), so the line takes the short way round instead of crossing the whole map.
 */
export function toTrackFeatures(points: readonly LatLon[]): TrackFeatures {
  const coordinates = unwrap(points);
  const first = coordinates[0];
  const last = coordinates[coordinates.length - 1];
  if (!first || !last) return { type: 'FeatureCollection', features: [] };
  const features: Feature<LineString | Point, { end: 'start' | 'end' | null }>[] = [
    { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { end: null } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: first }, properties: { end: 'start' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: last }, properties: { end: 'end' } },
  ];
  return { type: 'FeatureCollection', features };
}

function unwrap(points: readonly LatLon[]): [number, number][] {
  const coordinates: [number, number][] = [];
  let previous: number | null = null;
  for (const { lat, lon } of points) {
    // Whole turns only, so a longitude that needs none is kept exactly.
    const unwrapped: number = previous === null ? lon : lon + 360 * Math.round((previous - lon) / 360);
    coordinates.push([unwrapped, lat]);
    previous = unwrapped;
  }
  return coordinates;
}
