import { liveQuerySchema } from '../queries/live-query';
import { errors } from './error-responses';
import { schemaRef } from './json-schema';
import { jsonResponse, KEYED, KEYED_OR_TICKET, ROLES } from './operation-parts';
import { queryParameters } from './query-parameters';
import type { Parameter, Paths, Response } from './openapi-types';

const RESUME =
  'What was sent after it is replayed (of positions, only the newest per asset); when that is no longer kept, or the id ' +
  'comes from another server process or from before a restart, a `resync` event says to reload the fleet instead.';

/** `GET /api/v1/live`; any other query parameter is a 400. */
const liveParameters: Parameter[] = [
  {
    name: 'Last-Event-ID',
    in: 'header',
    description: `The \`id\` of the last message received; EventSource sends it when it reconnects. ${RESUME}`,
    schema: { type: 'string', examples: ['5f3a9c1e-42'] },
  },
  ...queryParameters(liveQuerySchema),
];

const stream: Response = {
  description: [
    'Server-sent events, until the client goes; the schema describes each message of the stream (OpenAPI 3.1 has no ' +
      '`itemSchema`). For example:',
    '',
    '```',
    'retry: 2000',
    ': connected',
    '',
    'id: 5f3a9c1e-41',
    'event: status',
    'data: {"id":"YS2R4X20005399401","status":"online","at":"2025-05-01T08:00:00.000Z"}',
    '',
    'id: 5f3a9c1e-42',
    'event: position',
    'data: {"id":"YS2R4X20005399401","position":{"lat":59.33,"lon":18.07,"altitude":null,"speed":12.5,"heading":90,"timestamp":"2025-05-01T08:00:00.000Z"}}',
    '```',
  ].join('\n'),
  content: {
    'text/event-stream': { schema: schemaRef('LiveMessage') },
  },
};

export const livePaths: Paths = {
  '/api/v1/live': {
    get: {
      operationId: 'watchLive',
      summary: 'Status changes and positions as they happen (server-sent events)',
      description:
        '`event: status` when an asset goes online or offline, `event: position` with its newest position (at most one ' +
        'per asset per second), `event: resync` when a resume cannot be served. A client that falls more than 1 MiB ' +
        `behind is disconnected, and resumes with \`Last-Event-ID\`. ${ROLES.read} Instead of a header, the key may come as ` +
        '`?key=`, or better a ticket of `POST /api/v1/live/tickets` as `?ticket=`, which keeps the key out of the URL.',
      tags: ['live'],
      security: KEYED_OR_TICKET,
      parameters: liveParameters,
      responses: { 200: stream, ...errors(400, 401, 403, 429) },
    },
  },
  '/api/v1/live/tickets': {
    post: {
      operationId: 'issueLiveTicket',
      summary: 'A short-lived ticket that opens the live stream as this key',
      description:
        "Browsers' EventSource cannot send a header, and a key in a URL ends up in proxies' logs: a client asks for a " +
        'ticket with its key in a header, then opens `GET /api/v1/live?ticket=…` within 60 s. The stream has the scope ' +
        'and role of the key, and ends when the key is revoked, expires or is rotated away. Any server process takes it. ' +
        `A ticket opens the live stream only; no body. ${ROLES.read}`,
      tags: ['live'],
      security: KEYED,
      responses: { 201: jsonResponse('Issued; valid for 60 s.', 'LiveTicketResponse'), ...errors(401, 403, 429) },
    },
  },
};
