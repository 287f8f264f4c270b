import { errors } from './error-responses';
import { jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Paths } from './openapi-types';

export const statsPaths: Paths = {
  '/api/v1/stats': {
    get: {
      operationId: 'getStats',
      summary: 'Asset counts by status, event log size and rate, projection lag',
      description: `A scoped key counts its own customer's assets only. ${ROLES.read}`,
      tags: ['stats'],
      security: KEYED,
      responses: { 200: jsonResponse('The figures, as of now.', 'Stats'), ...errors(401, 403, 429, 503) },
    },
  },
};
