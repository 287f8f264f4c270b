import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import { heartbeatSchema } from './heartbeat.schema';

/** One item of `POST /api/v1/heartbeats`: a heartbeat that names its asset. */
export const batchHeartbeatSchema = {
  $id: 'beacon:batch-heartbeat',
  type: 'object',
  additionalProperties: false,
  required: ['assetId'],
  properties: {
    assetId: { type: 'string', minLength: 1, maxLength: 64, pattern: SAFE_TEXT_PATTERN },
    ...heartbeatSchema.properties,
  },
  dependentRequired: heartbeatSchema.dependentRequired,
} as const;

/** At most this many heartbeats in one request (docs/API.md "Limits"). */
export const MAX_HEARTBEATS_PER_REQUEST = 10_000;
