import { MAX_HEARTBEATS_PER_REQUEST } from '../schemas/batch-heartbeat.schema';
import { schemaRef } from './json-schema';
import { errors } from './error-responses';
import { assetIdParameter, jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Paths } from './openapi-types';

const accepted = jsonResponse('Accepted: the stored heartbeats are durably committed.', 'HeartbeatsAcceptedResponse');

export const heartbeatPaths: Paths = {
  '/api/v1/assets/{id}/heartbeats': {
    post: {
      operationId: 'pingAsset',
      summary: 'One heartbeat for one asset',
      description: `The body is optional: none is a bare "I am alive". A refused heartbeat is the answer's error. ${ROLES.heartbeats}`,
      tags: ['heartbeats'],
      security: KEYED,
      parameters: [assetIdParameter],
      requestBody: { required: false, content: { 'application/json': { schema: schemaRef('Heartbeat') } } },
      responses: { 202: accepted, ...errors(400, 401, 403, 404, 413, 415, 429, 503) },
    },
  },
  '/api/v1/heartbeats': {
    post: {
      operationId: 'recordHeartbeats',
      summary: 'Heartbeats of any assets, in one request',
      description:
        `One heartbeat, a JSON array of at most ${MAX_HEARTBEATS_PER_REQUEST}, or NDJSON. Items are validated one by one: ` +
        `valid ones are stored even when others are refused, and each refusal is listed by its index. ${ROLES.heartbeats}`,
      tags: ['heartbeats'],
      security: KEYED,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: schemaRef('HeartbeatBatch') },
          'application/x-ndjson': {
            schema: { type: 'string', description: 'One BatchHeartbeat per line; a line that is not JSON is refused on its own.' },
          },
        },
      },
      responses: { 202: accepted, ...errors(400, 401, 403, 413, 415, 429, 503) },
    },
  },
};
