import { SAFE_TEXT_PATTERN } from '../unsafe-text';
import { schemaRef } from './json-schema';
import type { MediaType, Parameter, RequestBody, Response, SecurityRequirement, SecurityScheme } from './openapi-types';

/** docs/API.md "Auth": either header carries the same key. */
export const securitySchemes = {
  bearer: { type: 'http', scheme: 'bearer', description: '`Authorization: Bearer <key>`' },
  apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: '`X-Api-Key: <key>`' },
  queryKey: {
    type: 'apiKey',
    in: 'query',
    name: 'key',
    description:
      '`?key=<key>`, for clients that cannot set headers (phone apps, EventSource): the OsmAnd endpoint and the live stream only.',
  },
  liveTicket: {
    type: 'apiKey',
    in: 'query',
    name: 'ticket',
    description:
      '`?ticket=<ticket>` from `POST /api/v1/live/tickets`: opens the live stream, and only it, as the key that asked ' +
      'for the ticket, within 60 s; the key itself then stays out of URLs.',
  },
} as const satisfies Record<string, SecurityScheme>;

export const KEYED: readonly SecurityRequirement[] = [{ bearer: [] }, { apiKey: [] }];
export const KEYED_OR_QUERY_KEY: readonly SecurityRequirement[] = [...KEYED, { queryKey: [] }];
export const KEYED_OR_TICKET: readonly SecurityRequirement[] = [...KEYED_OR_QUERY_KEY, { liveTicket: [] }];
export const PUBLIC: readonly SecurityRequirement[] = [];

/** Who may call, for the operation's description (the guard's `ROLES_OF`). */
export const ROLES = {
  admin: 'Needs an admin key.',
  read: 'Needs an admin or viewer key (none when the server runs with `BEACON_AUTH=off`); a scoped viewer sees its own customer only.',
  heartbeats: "Needs an admin or device key; a scoped device key writes only for its own customer's assets.",
} as const;

export const json = (schemaName: string): Record<string, MediaType> => ({ 'application/json': { schema: schemaRef(schemaName) } });

export const jsonBody = (schemaName: string, required = true): RequestBody => ({ required, content: json(schemaName) });

export const jsonResponse = (description: string, schemaName: string): Response => ({ description, content: json(schemaName) });

/**
 * The answer to a customer or asset command: sent once the read model has applied the change, so a
 * read that follows sees it; after a bounded wait (`BEACON_READ_YOUR_WRITES_MS`) it is sent anyway
 * with `Beacon-Read-Model: lagging`.
 */
export const commandResponse = (description: string): Response => ({
  ...jsonResponse(`${description} Sent once the read model shows the change, or after a bounded wait.`, 'StreamVersionResponse'),
  headers: {
    'Beacon-Read-Model': {
      description: '`lagging` when the read model had not applied the change within the wait: a read right now may not show it yet.',
      schema: { type: 'string', enum: ['lagging'] },
    },
  },
});

export const assetIdParameter: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The asset id: a VIN, or the ICAO address of an aircraft in lower-case hex. One not registered is a 404.',
  schema: { type: 'string', pattern: SAFE_TEXT_PATTERN },
};
