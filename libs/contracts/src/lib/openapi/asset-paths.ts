import { searchAssetsQuerySchema } from '../queries/search-assets-query';
import { trackQuerySchema } from '../queries/track-query';
import { IF_MATCH_PATTERN } from '../schemas/update-asset.schema';
import { errors } from './error-responses';
import { assetIdParameter, commandResponse, jsonBody, jsonResponse, KEYED, ROLES } from './operation-parts';
import { queryParameters } from './query-parameters';
import type { Parameter, Paths } from './openapi-types';

const ifMatch: Parameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'The version of the asset being changed (`3`, or ETag-style `"3"`); missing or not a version is a 400, a stale one a 409.',
  schema: { type: 'string', pattern: IF_MATCH_PATTERN, examples: ['1'] },
};

export const assetPaths: Paths = {
  '/api/v1/assets': {
    post: {
      operationId: 'registerAsset',
      summary: 'Register an asset',
      description: `\`id\` is the device identifier; its customer must exist. ${ROLES.admin}`,
      tags: ['assets'],
      security: KEYED,
      requestBody: jsonBody('RegisterAssetRequest'),
      responses: {
        201: commandResponse('Registered.'),
        ...errors(400, 401, 403, 409, 413, 415, 429, 503),
      },
    },
    get: {
      operationId: 'searchAssets',
      summary: 'Search assets, with counts by status',
      description: ROLES.read,
      tags: ['assets'],
      security: KEYED,
      parameters: queryParameters(searchAssetsQuerySchema),
      responses: {
        200: jsonResponse('A page of at most `limit` matches; `nextCursor` asks for the next.', 'SearchAssetsResponse'),
        ...errors(400, 401, 403, 429, 503),
      },
    },
  },
  '/api/v1/assets/{id}': {
    get: {
      operationId: 'getAsset',
      summary: 'One asset',
      description: ROLES.read,
      tags: ['assets'],
      security: KEYED,
      parameters: [assetIdParameter],
      responses: { 200: jsonResponse('The asset.', 'Asset'), ...errors(401, 403, 404, 429, 503) },
    },
    patch: {
      operationId: 'updateAsset',
      summary: 'Change an asset',
      description: `Only the fields present change; \`label: null\` clears the label. ${ROLES.admin}`,
      tags: ['assets'],
      security: KEYED,
      parameters: [assetIdParameter, ifMatch],
      requestBody: jsonBody('UpdateAssetRequest'),
      responses: {
        200: commandResponse('Changed.'),
        ...errors(400, 401, 403, 404, 409, 413, 415, 429, 503),
      },
    },
    delete: {
      operationId: 'decommissionAsset',
      summary: 'Decommission an asset',
      description: `An event: the history stays, later heartbeats are refused as \`unknown_asset\`. ${ROLES.admin}`,
      tags: ['assets'],
      security: KEYED,
      parameters: [assetIdParameter],
      responses: {
        200: commandResponse('Decommissioned.'),
        ...errors(401, 403, 404, 409, 429, 503),
      },
    },
  },
  '/api/v1/assets/{id}/track': {
    get: {
      operationId: 'getTrack',
      summary: "An asset's positions over a time window",
      description:
        'Oldest first. At most the first 10,000 positions of the window are read, then thinned to `maxPoints`. ' +
        `Another customer's asset is a 404 for a scoped key, as its detail is. ${ROLES.read}`,
      tags: ['assets'],
      security: KEYED,
      parameters: [assetIdParameter, ...queryParameters(trackQuerySchema)],
      responses: { 200: jsonResponse('The track, in time order.', 'Track'), ...errors(400, 401, 403, 404, 429, 503) },
    },
  },
};
