import type {
  ApiKeyDto,
  ApiKeyList,
  HeartbeatsAcceptedResponse,
  IssueApiKeyResponse,
  RejectedHeartbeatDto,
  StreamVersionResponse,
} from '../commands.dto';
import type { StatusCounts } from '../asset.dto';
import type { CustomerDto, CustomerList } from '../customer.dto';
import { nullable, objectSchemaOf, schemaRef } from './json-schema';

const StreamVersionResponse = objectSchemaOf<StreamVersionResponse>({
  type: 'object',
  description: 'The stream a command created or changed, at its new version.',
  required: ['id', 'version'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
  },
});

const IssueApiKeyResponse = objectSchemaOf<IssueApiKeyResponse>({
  type: 'object',
  description: 'The key is in this answer only; Beacon keeps just its SHA-256 digest.',
  required: ['id', 'key'],
  properties: {
    id: { type: 'string' },
    key: { type: 'string', examples: ['bcn_…'] },
  },
});

const ApiKey = objectSchemaOf<ApiKeyDto>({
  type: 'object',
  description: 'An issued key as an admin sees it: never the key itself, nor its digest.',
  required: ['id', 'name', 'role', 'customerId', 'issuedAt', 'expiresAt', 'revokedAt', 'lastUsedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role: { enum: ['admin', 'viewer', 'device'] },
    customerId: { ...nullable('string'), description: 'The one customer a scoped key may touch; null for every customer.' },
    issuedAt: { type: 'string', format: 'date-time' },
    expiresAt: { ...nullable('string'), format: 'date-time', description: 'After this the key is refused; null: never expires.' },
    revokedAt: { ...nullable('string'), format: 'date-time', description: 'When it was revoked; null while it is valid.' },
    lastUsedAt: { ...nullable('string'), format: 'date-time', description: 'When it was last used, to a few seconds; null when never.' },
  },
});

const ApiKeyList = objectSchemaOf<ApiKeyList>({
  type: 'object',
  description: 'Every key ever issued, oldest first.',
  required: ['items'],
  properties: { items: { type: 'array', items: schemaRef('ApiKey') } },
});

const RejectedHeartbeat = objectSchemaOf<RejectedHeartbeatDto>({
  type: 'object',
  required: ['index', 'error', 'details'],
  properties: {
    index: { type: 'integer', minimum: 0, description: 'Position in the array (the line, for NDJSON).' },
    error: { type: 'string', description: 'An API error code.', examples: ['unknown_asset'] },
    details: { type: 'array', items: schemaRef('ApiErrorDetail') },
  },
});

const HeartbeatsAcceptedResponse = objectSchemaOf<HeartbeatsAcceptedResponse>({
  type: 'object',
  description: 'Sent only after the accepted heartbeats are durably committed.',
  required: ['accepted', 'duplicates', 'rejected'],
  properties: {
    accepted: { type: 'integer', minimum: 0 },
    duplicates: { type: 'integer', minimum: 0, description: 'Already stored: same messageId, or same timestamp without one.' },
    rejected: { type: 'array', items: schemaRef('RejectedHeartbeat') },
  },
});

const Customer = objectSchemaOf<CustomerDto>({
  type: 'object',
  required: ['id', 'name', 'address', 'assetCount'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    address: nullable('string'),
    assetCount: { type: 'integer', minimum: 0 },
  },
});

const CustomerList = objectSchemaOf<CustomerList>({
  type: 'object',
  description: 'A customer-scoped key sees only its own customer.',
  required: ['items'],
  properties: { items: { type: 'array', items: schemaRef('Customer') } },
});

const HealthStatus = objectSchemaOf<{ status: 'ok' }>({
  type: 'object',
  required: ['status'],
  properties: { status: { const: 'ok' } },
});

/** `GET /api/v1/stats`; the server's `StatsResponse` has this shape. */
interface Stats {
  assets: StatusCounts & { total: number };
  events: { total: number };
  ingest: { perSecond: number };
  projection: { lagMs: number };
  readModel: 'elasticsearch' | 'postgres';
}

const count = { type: 'integer', minimum: 0 } as const;

const Stats = objectSchemaOf<Stats>({
  type: 'object',
  description: "The fleet at a glance. A scoped key's asset counts cover its own customer only; the rest is the whole system's.",
  required: ['assets', 'events', 'ingest', 'projection', 'readModel'],
  properties: {
    assets: objectSchemaOf<Stats['assets']>({
      type: 'object',
      required: ['total', 'online', 'offline', 'unknown'],
      properties: { total: count, online: count, offline: count, unknown: count },
    }),
    events: objectSchemaOf<Stats['events']>({
      type: 'object',
      required: ['total'],
      properties: { total: { ...count, description: 'Events ever appended to the log (its head position).' } },
    }),
    ingest: objectSchemaOf<Stats['ingest']>({
      type: 'object',
      required: ['perSecond'],
      properties: { perSecond: { ...count, description: 'Events appended per second over the last ten seconds, rounded.' } },
    }),
    projection: objectSchemaOf<Stats['projection']>({
      type: 'object',
      required: ['lagMs'],
      properties: {
        lagMs: { ...count, description: 'Age of the oldest event the read model has not yet applied; 0 when caught up.' },
      },
    }),
    readModel: { enum: ['elasticsearch', 'postgres'], description: 'Which store answers queries.' },
  },
});

export const responseSchemas = {
  StreamVersionResponse,
  IssueApiKeyResponse,
  ApiKey,
  ApiKeyList,
  RejectedHeartbeat,
  HeartbeatsAcceptedResponse,
  Customer,
  CustomerList,
  HealthStatus,
  Stats,
};
