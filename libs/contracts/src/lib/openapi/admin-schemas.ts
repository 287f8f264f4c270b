import { nullable, objectSchemaOf, schemaRef } from './json-schema';

/** A rebuild request as the admin endpoints answer it; `RebuildRecord` of the projections lib, as JSON. */
interface ProjectionRebuild {
  id: string;
  projection: string;
  status: 'requested' | 'running' | 'done' | 'failed';
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  events: number;
  error: string | null;
}

const ProjectionRebuild = objectSchemaOf<ProjectionRebuild>({
  type: 'object',
  description: 'A zero-downtime rebuild of the asset read model: filed, run by the leading projector, then done or failed.',
  required: ['id', 'projection', 'status', 'requestedAt', 'startedAt', 'finishedAt', 'events', 'error'],
  properties: {
    id: { type: 'string', pattern: '^\\d+$', description: 'Ask `GET /api/v1/admin/projections/assets/rebuilds/{id}` how it goes.' },
    projection: { type: 'string', description: 'The projection rebuilt (its checkpoint name).' },
    status: {
      enum: ['requested', 'running', 'done', 'failed'],
      description: 'A rebuild left running by a projector that stopped becomes `failed`, and may be asked for again.',
    },
    requestedAt: { type: 'string', format: 'date-time' },
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    events: { type: 'integer', minimum: 0, description: 'Events replayed into the fresh copy so far.' },
    error: { ...nullable('string'), description: 'Why it failed.' },
  },
});

/** An event set aside by a projection; `DeadLetter` of the projections lib, as JSON. */
interface DeadLetter {
  projection: string;
  position: string;
  streamId: string;
  eventType: string;
  error: string;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  retryRequestedAt: string | null;
}

const DeadLetter = objectSchemaOf<DeadLetter>({
  type: 'object',
  description: 'An event the read model kept refusing, set aside so that its projection went on.',
  required: ['projection', 'position', 'streamId', 'eventType', 'error', 'attempts', 'firstFailedAt', 'lastFailedAt', 'retryRequestedAt'],
  properties: {
    projection: { type: 'string', description: 'The projection that set it aside (its checkpoint name).' },
    position: {
      type: 'string',
      pattern: '^[1-9][0-9]*$',
      description: "The event's global position in the log (a 64-bit integer, as a string).",
    },
    streamId: { type: 'string', description: "Its stream, such as `asset-<id>`; heartbeats are in their asset's stream." },
    eventType: { type: 'string', description: 'Such as `AssetRegistered` or `HeartbeatRecorded`.' },
    error: { type: 'string', description: "The read model's last refusal." },
    attempts: { type: 'integer', minimum: 1, description: 'Refusals so far, retries included.' },
    firstFailedAt: { type: 'string', format: 'date-time' },
    lastFailedAt: { type: 'string', format: 'date-time' },
    retryRequestedAt: { type: ['string', 'null'], format: 'date-time', description: 'Set while a retry waits for the leading projector.' },
  },
});

interface DeadLetterList {
  items: DeadLetter[];
}

const DeadLetterList = objectSchemaOf<DeadLetterList>({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: schemaRef('DeadLetter') } },
});

export const adminSchemas = { ProjectionRebuild, DeadLetter, DeadLetterList };
