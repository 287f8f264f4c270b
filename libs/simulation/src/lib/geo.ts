/** Great-circle geometry on a spherical Earth: close enough for traffic that only has to look real. */
export interface LatLon {
  lat: number;
  lon: number;
}

export const EARTH_RADIUS_M = 6_371_000;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;
const degrees = (radians: number): number => (radians * 180) / Math.PI;

/** Metres along the great circle from `a` to `b` (haversine). */
export function distanceMetres(a: LatLon, b: LatLon): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The compass bearing to leave `a` on for `b`, in [0, 360). */
export function bearingDegrees(a: LatLon, b: LatLon): number {
  const lat1 = radians(a.lat);
  const lat2 = radians(b.lat);
  const dLon = radians(b.lon - a.lon);
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  return (degrees(Math.atan2(y, x)) + 360) % 360;
}

/** The point `fraction` (0–1) of the way from `a` to `b` along the great circle. */
export function pointAlong(a: LatLon, b: LatLon, fraction: number): LatLon {
  const angle = distanceMetres(a, b) / EARTH_RADIUS_M;
  if (angle === 0) return { lat: a.lat, lon: a.lon };
  const lat1 = radians(a.lat);
  const lon1 = radians(a.lon);
  const lat2 = radians(b.lat);
  const lon2 = radians(b.lon);
  const wa = Math.sin((1 - fraction) * angle) / Math.sin(angle);
  const wb = Math.sin(fraction * angle) / Math.sin(angle);
  const x = wa * Math.cos(lat1) * Math.cos(lon1) + wb * Math.cos(lat2) * Math.cos(lon2);
  const y = wa * Math.cos(lat1) * Math.sin(lon1) + wb * Math.cos(lat2) * Math.sin(lon2);
  const z = wa * Math.sin(lat1) + wb * Math.sin(lat2);
  return { lat: degrees(Math.atan2(z, Math.hypot(x, y))), lon: degrees(Math.atan2(y, x)) };
}
