import { errors } from './error-responses';
import { jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Paths } from './openapi-types';

const ELASTICSEARCH_ONLY = 'The PostgreSQL read model has no zero-downtime rebuild: with it, this is a 400.';

export const adminPaths: Paths = {
  '/api/v1/admin/projections/assets/rebuild': {
    post: {
      operationId: 'requestAssetsRebuild',
      summary: 'Rebuild the asset read model (Elasticsearch) without downtime',
      description:
        'Files the request; the leading projector replays the whole log into a fresh index while queries go on, then ' +
        'swaps it in. A rebuild already requested or running is answered instead of a second one. ' +
        `No body. ${ELASTICSEARCH_ONLY} ${ROLES.admin}`,
      tags: ['admin'],
      security: KEYED,
      responses: {
        202: jsonResponse('Filed (or already under way).', 'ProjectionRebuild'),
        ...errors(400, 401, 403, 429, 503),
      },
    },
  },
  '/api/v1/admin/projections/assets/rebuilds/{id}': {
    get: {
      operationId: 'getAssetsRebuild',
      summary: 'How a rebuild of the asset read model goes',
      description: `${ELASTICSEARCH_ONLY} ${ROLES.admin}`,
      tags: ['admin'],
      security: KEYED,
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'The `id` the rebuild request answered.', schema: { type: 'string' } },
      ],
      responses: {
        200: jsonResponse('The rebuild.', 'ProjectionRebuild'),
        ...errors(400, 401, 403, 404, 429, 503),
      },
    },
  },
};
