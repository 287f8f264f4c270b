import type { JsonSchema } from './openapi-types';

const decimal = (description: string): JsonSchema => ({ type: 'number', description });

/**
 * The OsmAnd protocol's fields, as query string or form body. They arrive as text, which the server
 * parses itself (and reports per field), so these schemas document rather than gate.
 */
export const osmAndFieldSchemas = {
  id: { type: 'string', description: 'The device identifier (the asset id).' },
  deviceid: { type: 'string', description: 'Another name for `id`; both given must agree.' },
  lat: decimal('degrees'),
  lon: decimal('degrees'),
  location: { type: 'string', description: '`lat,lon` in one field, used when `lat` and `lon` are absent.' },
  timestamp: { type: 'string', description: 'Unix seconds, Unix milliseconds or ISO-8601; the time received when absent.' },
  speed: decimal('knots (stored as m/s)'),
  bearing: decimal('degrees'),
  heading: decimal('degrees; another name for `bearing`'),
  altitude: decimal('metres'),
  accuracy: decimal('metres'),
  batt: decimal('battery level in percent'),
  valid: { enum: ['true', 'false', '1', '0'], description: 'A fix marked invalid is stored as a bare heartbeat.' },
} as const satisfies Record<string, JsonSchema>;

const OsmAndForm = {
  type: 'object',
  description: 'The OsmAnd fields as a form body; other fields (`hdop`, `charge`, …) are ignored.',
  properties: osmAndFieldSchemas,
} as const;

const TraccarClientJson = {
  type: 'object',
  description: 'Traccar Client 9: already in SI, battery as a fraction; -1 means "not known".',
  required: ['device_id', 'location'],
  properties: {
    device_id: { type: 'string' },
    location: {
      type: 'object',
      properties: {
        timestamp: { type: 'string', format: 'date-time' },
        coords: {
          type: 'object',
          properties: {
            latitude: { type: 'number' },
            longitude: { type: 'number' },
            speed: decimal('metres per second'),
            heading: decimal('degrees'),
            altitude: decimal('metres'),
            accuracy: decimal('metres'),
          },
        },
        battery: { type: 'object', properties: { level: decimal('0–1') } },
      },
    },
  },
} as const;

export const osmAndSchemas = { OsmAndForm, TraccarClientJson };
