import { registerAssetSchema } from '../schemas/register-asset.schema';
import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import type { JsonSchema } from './openapi-types';

const decimal = (description: string, bounds: JsonSchema = {}): JsonSchema => ({ type: 'number', description, ...bounds });

/** Fields arrive as text and are trimmed; an empty one counts as absent. */
const trimmed = (pattern: string): string => `^\\s*(?:${pattern.replace(/^\^|\$$/g, '')})?\\s*$`;

/** Unix seconds or milliseconds (told apart by magnitude), or ISO-8601 with or without an offset. */
const DEVICE_TIMESTAMP =
  '\\+?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?' +
  '|[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?';
const DECIMAL = '[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?';

/**
 * The OsmAnd protocol's fields, as query string or form body. They arrive as text, which the server
 * parses itself and reports per field: a number outside its range, a position with only one of `lat`
 * and `lon`, or a time outside the accepted window is a 400.
 */
export const osmAndFieldSchemas = {
  id: {
    type: 'string',
    pattern: trimmed(registerAssetSchema.properties.id.pattern),
    description:
      'The device identifier (the asset id). Some clients call it `deviceid`, which is read in its place; both given must agree.',
  },
  lat: decimal('degrees', { minimum: -90, maximum: 90 }),
  lon: decimal('degrees', { minimum: -180, maximum: 180 }),
  location: {
    type: 'string',
    pattern: trimmed(`${DECIMAL}\\s*,\\s*${DECIMAL}`),
    description: '`lat,lon` in one field, used when `lat` and `lon` are absent.',
  },
  timestamp: {
    type: 'string',
    pattern: trimmed(DEVICE_TIMESTAMP),
    description:
      'Unix seconds, Unix milliseconds or ISO-8601; the time received when absent. At most 5 minutes ahead of the server and at ' +
      'most `BEACON_HEARTBEAT_MAX_AGE_DAYS` old (default: the retention period, else 30 days), else 400.',
  },
  speed: decimal('knots (stored as m/s, at most 1000 m/s)', { minimum: 0 }),
  bearing: decimal('degrees'),
  heading: decimal('degrees; another name for `bearing`'),
  altitude: decimal('metres', { minimum: -1000, maximum: 100_000 }),
  accuracy: decimal('metres', { minimum: 0 }),
  batt: decimal('battery level in percent', { minimum: 0, maximum: 100 }),
  valid: {
    type: 'string',
    pattern: trimmed('[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[01]'),
    description: '`true`, `false`, `1` or `0`: a fix marked invalid is stored as a bare heartbeat.',
  },
} as const satisfies Record<string, JsonSchema>;

const OsmAndForm = {
  type: 'object',
  description:
    'The OsmAnd fields as a form body; other fields (`hdop`, `charge`, …) are ignored. `id` may come in the query string instead.',
  propertyNames: { pattern: SAFE_TEXT_PATTERN },
  properties: osmAndFieldSchemas,
} as const;

const TraccarClientJson = {
  type: 'object',
  description: 'Traccar Client 9: already in SI, battery as a fraction; -1 means "not known".',
  required: ['device_id', 'location'],
  propertyNames: { pattern: SAFE_TEXT_PATTERN },
  properties: {
    device_id: { type: 'string', pattern: registerAssetSchema.properties.id.pattern },
    location: {
      type: 'object',
      properties: {
        timestamp: { type: ['string', 'null'], format: 'date-time' },
        coords: {
          type: ['object', 'null'],
          properties: {
            latitude: { type: ['number', 'null'], minimum: -90, maximum: 90 },
            longitude: { type: ['number', 'null'], minimum: -180, maximum: 180 },
            speed: decimal('metres per second (-1: not known)', { type: ['number', 'null'] }),
            heading: decimal('degrees (-1: not known)', { type: ['number', 'null'] }),
            altitude: decimal('metres', { type: ['number', 'null'], minimum: -1000, maximum: 100_000 }),
            accuracy: decimal('metres (-1: not known)', { type: ['number', 'null'] }),
          },
        },
        battery: { type: ['object', 'null'], properties: { level: decimal('0–1 (-1: not known)', { type: ['number', 'null'] }) } },
      },
    },
  },
} as const;

export const osmAndSchemas = { OsmAndForm, TraccarClientJson };
