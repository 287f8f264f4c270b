export interface LatLon {
  lat: number;
  lon: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Viewport {
  width: number;
  height: number;
  /** Kept free on every side so the line and its end markers are not cut off. */
  padding: number;
}

/**
 * Fits points into the viewport, north up, keeping their shape: longitudes shrink by the cosine of
 * the middle latitude (an equirectangular projection, true enough for one asset's track), and one
 * scale serves both axes. A track over the antimeridian is unwrapped so it does not span the globe.
 */
export function projectTrack(points: readonly LatLon[], viewport: Viewport): Point[] {
  if (points.length === 0) return [];
  const lons = unwrap(points.map((p) => p.lon));
  const lats = points.map((p) => p.lat);
  const [minLat, maxLat] = bounds(lats);
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const xs = lons.map((lon) => lon * shrink);
  const [minX, maxX] = bounds(xs);

  const innerWidth = viewport.width - 2 * viewport.padding;
  const innerHeight = viewport.height - 2 * viewport.padding;
  const spanX = maxX - minX;
  const spanY = maxLat - minLat;
  const scale = Math.min(spanX > 0 ? innerWidth / spanX : Infinity, spanY > 0 ? innerHeight / spanY : Infinity);
  // A single spot (or a stationary asset) has no extent to scale: it sits in the middle.
  const s = Number.isFinite(scale) ? scale : 0;
  const left = viewport.padding + (innerWidth - spanX * s) / 2;
  const top = viewport.padding + (innerHeight - spanY * s) / 2;
  return xs.map((x, i) => ({
    x: round(left + (x - minX) * s),
    y: round(top + (maxLat - (lats[i] ?? 0)) * s),
  }));
}

export function toPolylinePoints(points: readonly Point[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}

function bounds(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

function unwrap(lons: readonly number[]): number[] {
  const [min, max] = bounds(lons);
  return max - min > 180 ? lons.map((lon) => (lon < 0 ? lon + 360 : lon)) : [...lons];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
