import { errors } from './error-responses';
import { schemaRef } from './json-schema';
import { jsonResponse, KEYED_OR_QUERY_KEY, PUBLIC, ROLES } from './operation-parts';
import type { Operation, Parameter, Paths } from './openapi-types';
import { osmAndFieldSchemas } from './osmand-schemas';

/** The fields as query parameters; `id` is required where nothing else can carry it (GET). */
const fieldParameters = (idRequired: boolean): Parameter[] =>
  Object.entries(osmAndFieldSchemas).map(([name, schema]) => ({
    name,
    in: 'query',
    schema,
    ...(name === 'id' ? { required: idRequired } : {}),
  }));

const common = {
  tags: ['ingest'],
  security: KEYED_OR_QUERY_KEY,
} satisfies Partial<Operation>;

// Traccar Client waits for a 200 (not 202), and reads any 4xx, an unknown device too, as a refusal.
const recorded = jsonResponse('Recorded.', 'HeartbeatsAcceptedResponse');

const viaQuery: Operation = {
  ...common,
  operationId: 'recordOsmAndViaQuery',
  parameters: fieldParameters(true),
  summary: 'A location report of OsmAnd / Traccar Client, in the query string',
  description: `Speed is in knots. ${ROLES.heartbeats} The key may come as \`?key=\`.`,
  responses: { 200: recorded, ...errors(400, 401, 403, 429, 503) },
};

const viaBody: Operation = {
  ...common,
  operationId: 'recordOsmAndViaBody',
  parameters: fieldParameters(false),
  summary: 'A location report of OsmAnd / Traccar Client, as a form or JSON body',
  description:
    "Form fields join the query string's: `id` must be in one of them (a field given in both must agree), or `device_id` " +
    `in the JSON body. ${ROLES.heartbeats} The key may come as \`?key=\`.`,
  requestBody: {
    required: false,
    content: {
      'application/x-www-form-urlencoded': { schema: schemaRef('OsmAndForm') },
      'application/json': { schema: schemaRef('TraccarClientJson') },
    },
  },
  responses: { 200: recorded, ...errors(400, 401, 403, 413, 415, 429, 503) },
};

/** The key as the URL's last segment: Traccar Client set up by QR code or link drops the query string. */
const keyInPath: Parameter = {
  name: 'key',
  in: 'path',
  required: true,
  description: 'A device or admin key, for clients whose server URL cannot carry `?key=`.',
  schema: { type: 'string', minLength: 1, maxLength: 100 },
};

/** The same operation with the key as a required path parameter: the parameter is its credential, so no scheme is declared. */
const withKeyInPath = (operation: Operation, operationId: string): Operation => ({
  ...operation,
  operationId,
  security: PUBLIC,
  parameters: [keyInPath, ...(operation.parameters ?? [])],
  summary: `${operation.summary}, the key in the path`,
  description: `${operation.description ?? ''} Here the key is the URL's last segment; a key that is not valid is 401.`,
});

export const osmAndPaths: Paths = {
  '/api/v1/ingest/osmand': { get: viaQuery, post: viaBody },
  '/api/v1/ingest/osmand/{key}': {
    get: withKeyInPath(viaQuery, 'recordOsmAndViaQueryKeyInPath'),
    post: withKeyInPath(viaBody, 'recordOsmAndViaBodyKeyInPath'),
  },
};
