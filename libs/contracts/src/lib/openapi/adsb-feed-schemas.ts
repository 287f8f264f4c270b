import { schemaRef } from './json-schema';
import type { JsonSchema } from './openapi-types';

const number = (description: string): JsonSchema => ({ type: 'number', description });
const nullableNumber = (description: string): JsonSchema => ({ type: ['number', 'null'], description });

const legacy = (modern: string, unit: string): string =>
  `${unit}; the name dump1090-mutability and dump1090-fa before 3.7 write for \`${modern}\`, read when \`${modern}\` is absent.`;

/**
 * One entry of readsb's `aircraft[]`, or of an older dump1090's (`altitude`, `speed`, `vert_rate`);
 * fields Beacon does not use (`nav_*`, `rssi`, …) are ignored.
 */
const ReadsbAircraft = {
  type: 'object',
  required: ['hex'],
  properties: {
    hex: { type: 'string', description: 'ICAO 24-bit address in hex; a leading `~` marks a non-ICAO address.' },
    flight: { type: 'string', description: 'Callsign, space-padded (trimmed on ingest).' },
    lat: number('degrees'),
    lon: number('degrees'),
    alt_baro: { oneOf: [number('feet'), { const: 'ground' }] },
    alt_geom: number('feet'),
    gs: number('ground speed, knots'),
    track: number('degrees'),
    baro_rate: number('feet per minute'),
    geom_rate: number('feet per minute'),
    squawk: { type: 'string', pattern: '^[0-7]{4}$' },
    category: { type: 'string', pattern: '^[A-D][0-7]$' },
    seen_pos: number('seconds since the position was received, subtracted from `now`'),
    seen: number('seconds since any message'),
    altitude: { oneOf: [number(legacy('alt_baro', 'feet')), { const: 'ground' }] },
    speed: number(legacy('gs', 'knots')),
    vert_rate: number(legacy('baro_rate', 'feet per minute')),
  },
} as const;

const ReadsbAircraftJson = {
  type: 'object',
  description: 'A readsb / tar1090 `aircraft.json`. Unknown aircraft are registered automatically.',
  required: ['now', 'aircraft'],
  properties: {
    now: number('Unix seconds'),
    messages: { type: 'integer' },
    aircraft: { type: 'array', items: schemaRef('ReadsbAircraft') },
  },
} as const;

/**
 * OpenSky's state vector: an array, 17 fields (18 with `extended=1`), longitude before latitude. Later
 * API versions append fields; those after the 18th, and a category Beacon does not know, are ignored.
 */
const OpenSkyStateVector = {
  type: 'array',
  description: 'An OpenSky state vector. Fields after the 18th are ignored.',
  minItems: 17,
  prefixItems: [
    { type: 'string', description: 'icao24' },
    { type: ['string', 'null'], description: 'callsign' },
    { type: 'string', description: 'origin_country' },
    nullableNumber('time_position, Unix seconds'),
    number('last_contact, Unix seconds'),
    nullableNumber('longitude'),
    nullableNumber('latitude'),
    nullableNumber('baro_altitude, metres'),
    { type: 'boolean', description: 'on_ground' },
    nullableNumber('velocity, m/s'),
    nullableNumber('true_track, degrees'),
    nullableNumber('vertical_rate, m/s'),
    { type: ['array', 'null'], description: 'sensors' },
    nullableNumber('geo_altitude, metres'),
    { type: ['string', 'null'], description: 'squawk' },
    { type: 'boolean', description: 'spi' },
    { type: 'integer', description: 'position_source' },
    { description: 'category (extended=1 only): 0–20, read as the ADS-B emitter category; any other value is ignored' },
  ],
} as const;

const OpenSkyStates = {
  type: 'object',
  description: 'An OpenSky `/states/all` response. Unknown aircraft are registered automatically.',
  required: ['time', 'states'],
  properties: {
    time: number('Unix seconds'),
    states: { type: ['array', 'null'], items: schemaRef('OpenSkyStateVector') },
  },
} as const;

export const adsbFeedSchemas = { ReadsbAircraft, ReadsbAircraftJson, OpenSkyStateVector, OpenSkyStates };
