/** Where the map looks: its centre in degrees and its zoom. */
export interface MapCamera {
  lat: number;
  lon: number;
  zoom: number;
}

/** MapLibre's own limits: zoom 0 shows the world, 22 a doorstep. */
const MAX_ZOOM = 22;

/**
 * The camera as the address writes it, `lat,lon,zoom`: four decimals for the centre (about 11 m)
 * and two for the zoom, without trailing zeros, e.g. `59.1955,17.6253,10.5`.
 */
export function cameraText(camera: MapCamera): string {
  return [round(camera.lat, 4), round(camera.lon, 4), round(camera.zoom, 2)].join(',');
}

/** The camera an address names; null for anything else, so the map frames the fleet itself. */
export function readCamera(text: string): MapCamera | null {
  const parts = text.split(',');
  if (parts.length !== 3 || parts.some((part) => part.trim() === '')) return null;
  const [lat, lon, zoom] = parts.map(Number) as [number, number, number];
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= MAX_ZOOM)) return null;
  return { lat, lon, zoom };
}

function round(value: number, decimals: number): number {
  const step = 10 ** decimals;
  return Math.round(value * step) / step;
}
