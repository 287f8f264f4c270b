import { ADSB_CATEGORY_PATTERN } from '../schemas/heartbeat.schema';
import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import { schemaRef } from './json-schema';
import type { JsonSchema } from './openapi-types';

const nullableNumber = (description: string, bounds: JsonSchema = {}): JsonSchema => ({ type: ['number', 'null'], description, ...bounds });
/** Feeds write null or leave a key out for what they do not know: every field of an aircraft may be null. */
const number = nullableNumber;
const safeNames = { propertyNames: { pattern: SAFE_TEXT_PATTERN } } as const;

/**
 * The document's clock: Unix seconds, 0 up to 1e11 (the year 5138; larger numbers are milliseconds
 * elsewhere, so a feed sending them has a bug). Each aircraft's time must then lie in the accepted window.
 */
const unixSeconds = (description: string): JsonSchema => ({ type: 'number', minimum: 0, maximum: 1e11, description });

const legacy = (modern: string, unit: string): string =>
  `${unit}; the name dump1090-mutability and dump1090-fa before 3.7 write for \`${modern}\`, read when \`${modern}\` is absent.`;

/**
 * One entry of readsb's `aircraft[]`, or of an older dump1090's (`altitude`, `speed`, `vert_rate`);
 * fields Beacon does not use (`nav_*`, `rssi`, …) are ignored.
 */
const ReadsbAircraft = {
  type: 'object',
  required: ['hex'],
  ...safeNames,
  properties: {
    hex: {
      type: 'string',
      pattern: '^\\s*~?[0-9A-Fa-f]{6}\\s*$',
      description: 'ICAO 24-bit address in hex; a leading `~` marks a non-ICAO address.',
    },
    flight: {
      type: ['string', 'null'],
      pattern: SAFE_TEXT_PATTERN,
      description: 'Callsign, space-padded (trimmed on ingest; at most 16 characters then).',
    },
    lat: number('degrees', { minimum: -90, maximum: 90 }),
    lon: number('degrees', { minimum: -180, maximum: 180 }),
    alt_baro: { oneOf: [number('feet'), { const: 'ground' }] },
    alt_geom: number('feet'),
    gs: number('ground speed, knots'),
    track: number('degrees'),
    baro_rate: number('feet per minute'),
    geom_rate: number('feet per minute'),
    squawk: { type: ['string', 'null'], pattern: '^([0-7]{4})?$', description: 'Empty means none.' },
    category: { type: ['string', 'null'], pattern: ADSB_CATEGORY_PATTERN },
    seen_pos: number('seconds since the position was received, subtracted from `now`', { minimum: 0 }),
    seen: number('seconds since any message', { minimum: 0 }),
    altitude: { oneOf: [number(legacy('alt_baro', 'feet')), { const: 'ground' }] },
    speed: number(legacy('gs', 'knots')),
    vert_rate: number(legacy('baro_rate', 'feet per minute')),
  },
} as const;

const ReadsbAircraftJson = {
  type: 'object',
  description: 'A readsb / tar1090 `aircraft.json`. Unknown aircraft are registered automatically.',
  required: ['now', 'aircraft'],
  ...safeNames,
  properties: {
    now: unixSeconds("Unix seconds: what each aircraft's `seen_pos` and `seen` count back from."),
    messages: { description: 'Messages the receiver decoded; not read.' },
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
    { type: 'string', pattern: '^\\s*~?[0-9A-Fa-f]{6}\\s*$', description: 'icao24' },
    { type: ['string', 'null'], pattern: SAFE_TEXT_PATTERN, description: 'callsign, space-padded (trimmed; at most 16 characters then)' },
    { description: 'origin_country; not read' },
    nullableNumber('time_position, Unix seconds; dates the heartbeat when there is a position'),
    nullableNumber('last_contact, Unix seconds; dates it otherwise'),
    nullableNumber('longitude', { minimum: -180, maximum: 180 }),
    nullableNumber('latitude', { minimum: -90, maximum: 90 }),
    nullableNumber('baro_altitude, metres'),
    { type: ['boolean', 'null'], description: 'on_ground' },
    nullableNumber('velocity, m/s'),
    nullableNumber('true_track, degrees'),
    nullableNumber('vertical_rate, m/s'),
    { description: 'sensors; not read' },
    nullableNumber('geo_altitude, metres'),
    { type: ['string', 'null'], pattern: '^([0-7]{4})?$', description: 'squawk' },
    { description: 'spi; not read' },
    { description: 'position_source; not read' },
    { description: 'category (extended=1 only): 0–20, read as the ADS-B emitter category; any other value is ignored' },
  ],
} as const;

const OpenSkyStates = {
  type: 'object',
  description: 'An OpenSky `/states/all` response. Unknown aircraft are registered automatically.',
  required: ['time', 'states'],
  ...safeNames,
  properties: {
    time: unixSeconds('Unix seconds: the time of a state vector without `time_position` and `last_contact`.'),
    states: { type: ['array', 'null'], items: schemaRef('OpenSkyStateVector') },
  },
} as const;

export const adsbFeedSchemas = { ReadsbAircraft, ReadsbAircraftJson, OpenSkyStateVector, OpenSkyStates };
