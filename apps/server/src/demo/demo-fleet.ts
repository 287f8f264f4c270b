import type { TownId } from '@beacon/simulation';

/** The demo's road fleet, from the original vehicle tracker: three customers and their seven vehicles. */
export interface DemoVehicle {
  vin: string;
  registration: string;
  /** Silent vehicles send nothing, so the fleet shows offline vehicles too. */
  silent: boolean;
}

export interface DemoCustomer {
  id: string;
  name: string;
  address: string;
  /** Where a silent vehicle was last heard of (lat, lon). */
  home: { lat: number; lon: number };
  /** Whose roads its vehicles drive (`@beacon/simulation`). */
  town: TownId;
  vehicles: DemoVehicle[];
}

export const DEMO_FLEET: DemoCustomer[] = [
  {
    id: 'kalles-grustransporter',
    name: 'Kalles Grustransporter AB',
    address: 'Cementvägen 8, 111 11 Södertälje',
    home: { lat: 59.1955, lon: 17.6253 },
    town: 'sodertalje',
    vehicles: [
      { vin: 'YS2R4X20005399401', registration: 'ABC123', silent: true },
      { vin: 'VLUR4X20009093588', registration: 'DEF456', silent: false },
      { vin: 'VLUR4X20009048066', registration: 'GHI789', silent: false },
    ],
  },
  {
    id: 'johans-bulk',
    name: 'Johans Bulk AB',
    address: 'Balkvägen 12, 222 22 Stockholm',
    home: { lat: 59.3293, lon: 18.0686 },
    town: 'stockholm',
    vehicles: [
      { vin: 'YS2R4X20005388011', registration: 'JKL012', silent: false },
      { vin: 'YS2R4X20005387949', registration: 'MNO345', silent: false },
    ],
  },
  {
    id: 'haralds-vardetransporter',
    name: 'Haralds Värdetransporter AB',
    address: 'Budgetvägen 1, 333 33 Uppsala',
    home: { lat: 59.8586, lon: 17.6389 },
    town: 'uppsala',
    vehicles: [
      { vin: 'YS2R4X20005387765', registration: 'PQR678', silent: false },
      { vin: 'YS2R4X20005387055', registration: 'STU901', silent: true },
    ],
  },
];

export interface DemoAircraft {
  /** The ICAO 24-bit address in lower-case hex: the asset's id, as ADS-B feeds register aircraft. */
  icao24: string;
  callsign: string;
}

/** A customer flying aircraft: no town, no home, every aircraft in the air. */
export interface DemoAirOperator {
  id: string;
  name: string;
  address: string;
  aircraft: DemoAircraft[];
}

/**
 * The demo's aircraft, each flying the simulator's airliner legs (`@beacon/simulation`), seeded by its
 * address. Addresses from Sweden's block (4a8000–4affff), picked so that for the first 90 minutes of
 * every start all three are in the air and none over Södertälje or Stockholm (`demo-traffic.unit.spec.ts`):
 * a new user sees them fly, and the e2e tests' area searches see the vehicles alone.
 */
export const DEMO_AIR_OPERATOR: DemoAirOperator = {
  id: 'siris-flygfrakt',
  name: 'Siris Flygfrakt AB',
  address: 'Fraktvägen 4, 190 45 Stockholm-Arlanda',
  aircraft: [
    { icao24: '4ac9b9', callsign: 'SRF101' },
    { icao24: '4ac837', callsign: 'SRF214' },
    { icao24: '4ac973', callsign: 'SRF377' },
  ],
};
