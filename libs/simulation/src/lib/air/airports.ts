import type { LatLon } from '../geo';

export interface Airport extends LatLon {
  /** IATA code. */
  code: string;
  /** Metres above sea level. */
  elevation: number;
}

/** Nordic airports and the European hubs their flights go to (reference points and elevations from the AIPs). */
export const AIRPORTS: readonly Airport[] = [
  { code: 'ARN', lat: 59.6519, lon: 17.9186, elevation: 42 },
  { code: 'GOT', lat: 57.6628, lon: 12.2798, elevation: 154 },
  { code: 'CPH', lat: 55.6181, lon: 12.6561, elevation: 5 },
  { code: 'OSL', lat: 60.1939, lon: 11.1004, elevation: 208 },
  { code: 'HEL', lat: 60.3172, lon: 24.9633, elevation: 55 },
  { code: 'BGO', lat: 60.2934, lon: 5.2181, elevation: 50 },
  { code: 'AMS', lat: 52.3105, lon: 4.7683, elevation: -3 },
  { code: 'FRA', lat: 50.0379, lon: 8.5622, elevation: 111 },
  { code: 'LHR', lat: 51.47, lon: -0.4543, elevation: 25 },
  { code: 'CDG', lat: 49.0097, lon: 2.5479, elevation: 119 },
  { code: 'MUC', lat: 48.3538, lon: 11.7861, elevation: 453 },
  { code: 'BER', lat: 52.3667, lon: 13.5033, elevation: 48 },
];
