/** What the map shows, in degrees: west and east may pass ±180 where the map wraps round the world. */
export interface MapBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Four decimals are about 11 m: finer than a vehicle, and a short address. */
const DECIMALS = 4;
const STEP = 10 ** DECIMALS;

/**
 * The search's `bbox` (docs/API.md "Search": `minLon,minLat,maxLon,maxLat`) for what the map shows,
 * rounded outwards so that nothing visible falls out. The API takes longitudes within ±180 and no box
 * across the antimeridian, so a view wider than the world, or one across the antimeridian, keeps its
 * latitudes and takes every longitude: it may hold more than is visible, never less.
 */
export function areaOfBounds(bounds: MapBounds): string {
  const south = Math.max(-90, floor(bounds.south));
  const north = Math.min(90, ceil(bounds.north));
  let west = -180;
  let east = 180;
  if (bounds.east - bounds.west < 360) {
    // The same view with its west edge moved into [-180, 180): MapLibre counts on past ±180 as it wraps.
    const shift = Math.floor((bounds.west + 180) / 360) * 360;
    if (bounds.east - shift <= 180) {
      west = floor(bounds.west - shift);
      east = Math.min(180, ceil(bounds.east - shift));
    }
  }
  return [west, south, east, north].join(',');
}

/** A `bbox` from an address, as the API would accept it; '' for anything else (a link typed by hand). */
export function readArea(text: string): string {
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((part) => part.trim() === '')) return '';
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  const inRange = [west, east].every((lon) => Math.abs(lon) <= 180) && [south, north].every((lat) => Math.abs(lat) <= 90);
  return inRange && west <= east && south <= north ? [west, south, east, north].join(',') : '';
}

/**
 * Whether a `bbox` holds a position, as the search decides it (edges included); for the live
 * stream's positions, which may be an asset's first one outside the area it is leaving.
 */
export function areaHolds(bbox: string, position: { lat: number; lon: number }): boolean {
  const [west, south, east, north] = bbox.split(',').map(Number) as [number, number, number, number];
  return position.lon >= west && position.lon <= east && position.lat >= south && position.lat <= north;
}

function floor(degrees: number): number {
  return Math.floor(scaled(degrees)) / STEP;
}

function ceil(degrees: number): number {
  return Math.ceil(scaled(degrees)) / STEP;
}

/** Degrees in steps, without the float's last bits: 18.14 is 181400 steps, not 181400.00000000003. */
function scaled(degrees: number): number {
  return Number((degrees * STEP).toFixed(6));
}
