import { ASSET_STATUSES } from '../asset.dto';
import type { LiveEventName, LivePositionEvent, LiveResyncEvent, LiveStatusEvent, LiveTicketResponse } from '../live.dto';
import { objectSchemaOf, schemaRef } from './json-schema';
import type { JsonSchema } from './openapi-types';

const assetId = { type: 'string', description: "The asset's id." } as const;

const LiveStatusEvent = objectSchemaOf<LiveStatusEvent>({
  type: 'object',
  description: 'The `data` of `event: status`: an asset went online (a heartbeat) or offline (its timeout passed).',
  required: ['id', 'status', 'at'],
  properties: {
    id: assetId,
    status: { enum: ASSET_STATUSES },
    at: { type: 'string', format: 'date-time', description: "The heartbeat's time for online, the deadline for offline." },
  },
});

const LivePositionEvent = objectSchemaOf<LivePositionEvent>({
  type: 'object',
  description: "The `data` of `event: position`: an asset's newest position; at most one per asset per second.",
  required: ['id', 'position'],
  properties: { id: assetId, position: schemaRef('Position') },
});

const LiveResyncEvent = objectSchemaOf<LiveResyncEvent>({
  type: 'object',
  description: 'The `data` of `event: resync`: what was sent since `Last-Event-ID` is no longer kept; reload the fleet.',
  required: ['reason'],
  properties: { reason: { type: 'string' } },
});

/** An SSE message, modelled as OpenAPI's media type registry models `text/event-stream`: its fields as an object. */
function message(event: LiveEventName, dataSchema: string, hasId: boolean): JsonSchema {
  return {
    type: 'object',
    required: hasId ? ['id', 'event', 'data'] : ['event', 'data'],
    properties: {
      ...(hasId
        ? {
            id: { type: 'string', pattern: '^[0-9a-f]+-\\d+$', description: '`<epoch>-<seq>`: send the last one back as `Last-Event-ID`.' },
          }
        : {}),
      event: { const: event },
      data: { type: 'string', contentMediaType: 'application/json', contentSchema: schemaRef(dataSchema) },
    },
  };
}

/** Every event the stream sends; a name added to `LiveEventName` and not here fails to compile. */
const messages = {
  status: message('status', 'LiveStatusEvent', true),
  position: message('position', 'LivePositionEvent', true),
  resync: message('resync', 'LiveResyncEvent', false),
} as const satisfies Record<LiveEventName, JsonSchema>;

const LiveMessage = {
  description:
    'One message of the stream. The first sets `retry` (ms before a browser reconnects) and carries no data; ' +
    'comment lines (`: keep-alive`, every 15 s) keep idle connections open and are not messages.',
  oneOf: [...Object.values(messages), { type: 'object', required: ['retry'], properties: { retry: { type: 'integer', minimum: 0 } } }],
} as const satisfies JsonSchema;

const LiveTicketResponse = objectSchemaOf<LiveTicketResponse>({
  type: 'object',
  description: 'Opens `GET /api/v1/live?ticket=…` as the key that asked for it, until `expiresAt`.',
  required: ['ticket', 'expiresAt'],
  properties: {
    ticket: { type: 'string', description: 'Opaque; send it as it is.' },
    expiresAt: { type: 'string', format: 'date-time', description: '60 s after issue; a stream opened before then stays open.' },
  },
});

export const liveSchemas = { LiveStatusEvent, LivePositionEvent, LiveResyncEvent, LiveMessage, LiveTicketResponse };
