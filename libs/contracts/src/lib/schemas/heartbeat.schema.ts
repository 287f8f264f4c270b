import { SAFE_TEXT_PATTERN } from '../unsafe-text';

/** DO-260B emitter categories: set A–D, 0–7 (`A3` large, `A7` rotorcraft, `C1` emergency vehicle). */
export const ADSB_CATEGORY_PATTERN = '^[A-D][0-7]$';

/** JSON Schema (2020-12) of the body of `POST /api/v1/assets/:id/heartbeats`. */
export const heartbeatSchema = {
  $id: 'beacon:heartbeat',
  type: 'object',
  additionalProperties: false,
  properties: {
    timestamp: {
      type: 'string',
      format: 'date-time',
      description:
        'When the position was taken (default: when received). At most 5 minutes ahead of the server, and at most ' +
        'BEACON_HEARTBEAT_MAX_AGE_DAYS old (default: the retention period, else 30 days); outside, 400 or rejected by index.',
    },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
    altitude: { type: 'number', minimum: -1000, maximum: 100000 },
    speed: { type: 'number', minimum: 0, maximum: 1000 },
    heading: { type: 'number', minimum: 0, exclusiveMaximum: 360 },
    accuracy: { type: 'number', minimum: 0 },
    battery: { type: 'number', minimum: 0, maximum: 100 },
    messageId: { type: 'string', minLength: 1, maxLength: 128, pattern: SAFE_TEXT_PATTERN },
    verticalRate: { type: 'number', minimum: -200, maximum: 200 },
    onGround: { type: 'boolean' },
    squawk: { type: 'string', pattern: '^[0-7]{4}$' },
    callsign: { type: 'string', minLength: 1, maxLength: 16, pattern: SAFE_TEXT_PATTERN },
    category: { type: 'string', pattern: ADSB_CATEGORY_PATTERN, description: 'The ADS-B emitter category (DO-260B), e.g. A3.' },
  },
  dependentRequired: { lat: ['lon'], lon: ['lat'] },
} as const;
