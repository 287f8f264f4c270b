import { errors } from './error-responses';
import { jsonResponse, KEYED, ROLES } from './operation-parts';
import type { Parameter, Paths } from './openapi-types';

const ELASTICSEARCH_ONLY = 'The PostgreSQL read model has no zero-downtime rebuild: with it, this is a 400.';

const projectionParameter: Parameter = {
  name: 'name',
  in: 'path',
  required: true,
  description:
    "The projection's name: `assets-read-model` with the PostgreSQL read model, `assets-elasticsearch:<index prefix>` with Elasticsearch " +
    '(the `projection` label of the `beacon_projection_*` metrics). Another name is a 404.',
  schema: { type: 'string' },
};

const DEAD_LETTERS =
  'An event whose projection the read model kept refusing for its data (not for being down) is set aside after ' +
  '`BEACON_PROJECTION_DEAD_LETTER_AFTER` tries (default 3) so the projection goes on, and counted in `beacon_projection_dead_letters_total`.';

const RETRY =
  'The projector that leads applies it again within about a second: if the read model now takes it, it leaves the list; if not, it stays ' +
  'with one more attempt and the new error. Like any event, it changes only documents that no newer event changed since. No body.';

export const adminPaths: Paths = {
  '/api/v1/admin/projections/{name}/dead-letters': {
    get: {
      operationId: 'listDeadLetters',
      summary: "A projection's dead letters",
      description: `${DEAD_LETTERS} Oldest event first. ${ROLES.admin}`,
      tags: ['admin'],
      security: KEYED,
      parameters: [projectionParameter],
      responses: {
        200: jsonResponse('The dead letters.', 'DeadLetterList'),
        ...errors(400, 401, 403, 404, 429, 503),
      },
    },
  },
  '/api/v1/admin/projections/{name}/dead-letters/retry': {
    post: {
      operationId: 'retryAllDeadLetters',
      summary: 'Apply every dead letter of a projection again',
      description: `${RETRY} Answers the dead letters asked for (none: an empty list). ${ROLES.admin}`,
      tags: ['admin'],
      security: KEYED,
      parameters: [projectionParameter],
      responses: {
        202: jsonResponse('Asked for.', 'DeadLetterList'),
        ...errors(400, 401, 403, 404, 429, 503),
      },
    },
  },
  '/api/v1/admin/projections/{name}/dead-letters/{position}/retry': {
    post: {
      operationId: 'retryDeadLetter',
      summary: 'Apply one dead letter again',
      description: `${RETRY} ${ROLES.admin}`,
      tags: ['admin'],
      security: KEYED,
      parameters: [
        projectionParameter,
        {
          name: 'position',
          in: 'path',
          required: true,
          description: "The event's global position, as listed.",
          schema: { type: 'string', pattern: '^[1-9][0-9]{0,17}$' },
        },
      ],
      responses: {
        202: jsonResponse('Asked for.', 'DeadLetter'),
        ...errors(400, 401, 403, 404, 429, 503),
      },
    },
  },

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
