import type { BoundingBox } from '@beacon/read-models';

export interface City {
  name: string;
  lat: number;
  lon: number;
  /** The share of the fleet's vehicles based there. */
  share: number;
}

/**
 * Where the vehicles work: real fleets cluster around a few cities, which is what makes a map view
 * of one city return thousands of assets rather than a handful. The remaining 10 % are on the road
 * anywhere in between.
 */
export const CITIES: readonly City[] = [
  { name: 'Stockholm', lat: 59.33, lon: 18.07, share: 0.25 },
  { name: 'Gothenburg', lat: 57.71, lon: 11.97, share: 0.15 },
  { name: 'Oslo', lat: 59.91, lon: 10.75, share: 0.15 },
  { name: 'Copenhagen', lat: 55.68, lon: 12.57, share: 0.15 },
  { name: 'Malmö', lat: 55.6, lon: 13.0, share: 0.1 },
  { name: 'Helsinki', lat: 60.17, lon: 24.94, share: 0.1 },
];

/** How far a city's vehicles spread (one standard deviation, degrees): about 11 km each way. */
export const CITY_SPREAD = { lat: 0.1, lon: 0.2 } as const;

/** Half a city-size map view: about 27 × 27 km at these latitudes. */
const HALF_BOX = { lat: 0.12, lon: 0.24 } as const;

/** A map view of `city`, moved by `shift` degrees as a user pans. */
export function cityBox(city: City, shift: { lat: number; lon: number }): BoundingBox {
  const lat = city.lat + shift.lat;
  const lon = city.lon + shift.lon;
  return { minLon: lon - HALF_BOX.lon, minLat: lat - HALF_BOX.lat, maxLon: lon + HALF_BOX.lon, maxLat: lat + HALF_BOX.lat };
}
