import { nullable, objectSchemaOf } from './json-schema';

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

export const adminSchemas = { ProjectionRebuild };
