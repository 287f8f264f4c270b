import {
  ASSET_STATUSES,
  EXAMPLE_ASSET,
  type AssetDto,
  type PositionDto,
  type SearchAssetsResponse,
  type StatusCounts,
  type TrackResponse,
} from '../asset.dto';
import { ADSB_CATEGORY_PATTERN } from '../schemas/heartbeat.schema';
import { nullable, objectSchemaOf, schemaRef } from './json-schema';

const positionProperties = {
  lat: { type: 'number', minimum: -90, maximum: 90 },
  lon: { type: 'number', minimum: -180, maximum: 180 },
  altitude: { ...nullable('number'), description: 'metres' },
  speed: { ...nullable('number'), description: 'metres per second' },
  heading: { ...nullable('number'), description: 'degrees clockwise from true north' },
  timestamp: { type: 'string', format: 'date-time' },
} as const;

const Position = objectSchemaOf<PositionDto>({
  type: 'object',
  description: 'The latest known position, in SI units.',
  required: ['lat', 'lon', 'altitude', 'speed', 'heading', 'timestamp'],
  properties: positionProperties,
});

/** A point of `GET /api/v1/assets/{id}/track`; the read model's `TrackPoint` has the shape of a position. */
const TrackPoint = objectSchemaOf<PositionDto>({
  type: 'object',
  description: 'One recorded position, in SI units.',
  required: ['timestamp', 'lat', 'lon', 'altitude', 'speed', 'heading'],
  properties: positionProperties,
});

const Track = objectSchemaOf<TrackResponse>({
  type: 'object',
  required: ['points', 'thinned'],
  properties: {
    points: { type: 'array', items: schemaRef('TrackPoint'), description: 'Oldest first.' },
    thinned: {
      type: 'boolean',
      description:
        'True when the window held more positions than `points`: they are spread over the whole window, its newest position last.',
    },
  },
});

const Asset = objectSchemaOf<AssetDto>({
  type: 'object',
  examples: [EXAMPLE_ASSET],
  required: [
    'id',
    'kind',
    'customerId',
    'customerName',
    'registration',
    'label',
    'callsign',
    'callsignAt',
    'icao24',
    'status',
    'lastSeenAt',
    'squawk',
    'verticalRate',
    'onGround',
    'battery',
    'accuracy',
    'category',
    'position',
    'timeoutSeconds',
    'version',
  ],
  properties: {
    id: { type: 'string', description: 'The device identifier: a VIN, or the ICAO 24-bit address of an aircraft.' },
    kind: { enum: ['vehicle', 'aircraft'] },
    customerId: { type: 'string' },
    customerName: { type: 'string' },
    registration: nullable('string'),
    label: nullable('string'),
    callsign: {
      ...nullable('string'),
      description: 'Aircraft: the callsign of the newest heartbeat that carried one; the registered one until a heartbeat carries one.',
    },
    callsignAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: 'The time of the heartbeat `callsign` came from; null while it is the registered one.',
    },
    icao24: nullable('string'),
    status: {
      enum: ASSET_STATUSES,
      description: '`online` while the last heartbeat is younger than `timeoutSeconds`, `unknown` before the first.',
    },
    lastSeenAt: { type: ['string', 'null'], format: 'date-time' },
    squawk: { type: ['string', 'null'], pattern: '^[0-7]{4}$', description: 'Aircraft: the transponder code of the newest heartbeat.' },
    verticalRate: { ...nullable('number'), description: 'Aircraft: climb (+) or descent (−) of the newest heartbeat, metres per second.' },
    onGround: { type: ['boolean', 'null'], description: 'Aircraft: on the ground, per the newest heartbeat.' },
    battery: { ...nullable('number'), minimum: 0, maximum: 100, description: "The device's battery in percent, per the newest heartbeat." },
    accuracy: { ...nullable('number'), minimum: 0, description: 'The GPS accuracy in metres, per the newest heartbeat.' },
    category: {
      type: ['string', 'null'],
      pattern: ADSB_CATEGORY_PATTERN,
      description: 'Aircraft: the ADS-B emitter category of the newest heartbeat (DO-260B: A3 large, A7 rotorcraft, …).',
    },
    position: { oneOf: [schemaRef('Position'), { type: 'null' }] },
    timeoutSeconds: { type: 'integer', minimum: 1 },
    version: { type: 'integer', minimum: 1, description: 'Send it back in `If-Match` with a PATCH.' },
  },
});

const StatusCounts = objectSchemaOf<StatusCounts>({
  type: 'object',
  required: ['online', 'offline', 'unknown'],
  properties: {
    online: { type: 'integer', minimum: 0 },
    offline: { type: 'integer', minimum: 0 },
    unknown: { type: 'integer', minimum: 0 },
  },
});

const SearchAssetsResponse = objectSchemaOf<SearchAssetsResponse>({
  type: 'object',
  required: ['items', 'total', 'counts', 'nextCursor'],
  properties: {
    items: { type: 'array', items: schemaRef('Asset') },
    total: { type: 'integer', minimum: 0, description: 'All matches, not just this page.' },
    counts: { ...schemaRef('StatusCounts'), description: 'Matches by status, ignoring the status filter.' },
    nextCursor: {
      ...nullable('string'),
      description: 'Opaque; send it as `cursor` (with the same other parameters) for the next page. Null on the last page.',
    },
  },
});

export const assetSchemas = { Position, Asset, StatusCounts, SearchAssetsResponse, TrackPoint, Track };
