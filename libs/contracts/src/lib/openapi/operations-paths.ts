import { errors } from './error-responses';
import { jsonResponse, KEYED, PUBLIC } from './operation-parts';
import type { Paths } from './openapi-types';

const text = (description: string, mediaType: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' } } },
});

/**
 * Health and this document: public, since probes carry no key; metrics: an admin key or the
 * scraper's own (`BEACON_METRICS_KEY`) when auth is on. Health and metrics are never rate-limited;
 * the document and its page are, like every other route.
 */
export const operationsPaths: Paths = {
  '/health/live': {
    get: {
      operationId: 'live',
      summary: 'The process is up and serving HTTP',
      tags: ['operations'],
      security: PUBLIC,
      responses: { 200: jsonResponse('Up.', 'HealthStatus') },
    },
  },
  '/health/ready': {
    get: {
      operationId: 'ready',
      summary: 'The event log is writable and the read model reachable',
      tags: ['operations'],
      security: PUBLIC,
      responses: { 200: jsonResponse('Ready.', 'HealthStatus'), ...errors(503) },
    },
  },
  '/metrics': {
    get: {
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      description:
        "With `BEACON_AUTH=on`, needs an admin key or `BEACON_METRICS_KEY` (a bearer token in the scraper's configuration); open when auth is off.",
      tags: ['operations'],
      security: KEYED,
      responses: { 200: text('Prometheus text exposition format 0.0.4.', 'text/plain'), ...errors(401, 403) },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'openApiDocument',
      summary: 'This document',
      tags: ['operations'],
      security: PUBLIC,
      responses: { 200: { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(429) },
    },
  },
  '/api/docs': {
    get: {
      operationId: 'apiDocs',
      summary: 'This document, browsable (Swagger UI)',
      tags: ['operations'],
      security: PUBLIC,
      responses: { 200: text('An HTML page.', 'text/html'), ...errors(429) },
    },
  },
};
