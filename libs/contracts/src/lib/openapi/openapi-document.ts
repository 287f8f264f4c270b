import { adminPaths } from './admin-paths';
import { adminSchemas } from './admin-schemas';
import { adsbFeedPaths } from './adsb-feed-paths';
import { adsbFeedSchemas } from './adsb-feed-schemas';
import { apiKeyPaths } from './api-key-paths';
import { assetPaths } from './asset-paths';
import { withBodyRules } from './body-rules';
import { withEdgeRules } from './edge-rules';
import { assetSchemas } from './asset-schemas';
import { customerPaths } from './customer-paths';
import { errorResponses } from './error-responses';
import { errorSchemas } from './error-schemas';
import { heartbeatPaths } from './heartbeat-paths';
import { livePaths } from './live-paths';
import { liveSchemas } from './live-schemas';
import { mePaths } from './me-paths';
import { meSchemas } from './me-schemas';
import type { OpenApiDocument } from './openapi-types';
import { securitySchemes } from './operation-parts';
import { operationsPaths } from './operations-paths';
import { osmAndPaths } from './osmand-paths';
import { osmAndSchemas } from './osmand-schemas';
import { requestSchemas } from './request-schemas';
import { responseSchemas } from './response-schemas';
import { statsPaths } from './stats-paths';

export type * from './openapi-types';

const OPENAPI_3_1_DIALECT = 'https://spec.openapis.org/oas/3.1/dialect/base';

/**
 * The OpenAPI 3.1 document of Beacon's HTTP API (the contract in prose: docs/API.md "Routes"). Request bodies are
 * the JSON Schemas the server validates with, so what the document promises is what is enforced.
 */
export function buildOpenApiDocument(info: { version: string }): OpenApiDocument {
  return {
    openapi: '3.1.0',
    // JSON Schema 2020-12 with OpenAPI's few annotations; Swagger UI renders no other dialect.
    jsonSchemaDialect: OPENAPI_3_1_DIALECT,
    info: {
      title: 'Beacon HTTP API',
      version: info.version,
      description:
        'Event-sourced tracking of vehicles and aircraft. JSON fields are camelCase, times ISO-8601 UTC, ' +
        'units SI (metres, metres per second, degrees). Every 4xx/5xx has an `ApiError` body. ' +
        'On every route, a path parameter, query parameter or body field (or field name) holding a control ' +
        'character other than tab, line feed and carriage return, DEL, or an unpaired UTF-16 surrogate, or a ' +
        'body nested deeper than 16 levels, is refused with 400 `invalid_request` (in a batch, or among the aircraft ' +
        'of a readsb or OpenSky document: that item alone, by index). ' +
        'A method a path does not take (TRACE, PUT, …) is 405 `method_not_allowed`, with the methods it takes in ' +
        '`Allow` (`#/components/responses/MethodNotAllowed`). Request bodies may be compressed with gzip or deflate ' +
        '(`Content-Encoding`), and a body that is required must be there and must not be JSON `null` (400).',
    },
    tags: [
      { name: 'customers', description: 'Register and list customers.' },
      { name: 'assets', description: 'Register, change, decommission and find assets; their tracks.' },
      { name: 'heartbeats', description: "Beacon's own heartbeat formats." },
      { name: 'ingest', description: 'What real trackers and ADS-B receivers send: OsmAnd, readsb, OpenSky.' },
      { name: 'live', description: 'Status changes and positions as server-sent events.' },
      { name: 'stats', description: 'The fleet and the system at a glance.' },
      { name: 'api-keys', description: 'Keys with a role (admin, viewer, device) and an optional customer scope.' },
      { name: 'admin', description: 'Maintenance of the read model.' },
      { name: 'operations', description: 'Health, metrics and this document.' },
    ],
    paths: withEdgeRules(
      withBodyRules({
        ...customerPaths,
        ...assetPaths,
        ...heartbeatPaths,
        ...osmAndPaths,
        ...adsbFeedPaths,
        ...livePaths,
        ...statsPaths,
        ...apiKeyPaths,
        ...mePaths,
        ...adminPaths,
        ...operationsPaths,
      }),
    ),
    components: {
      schemas: {
        ...requestSchemas,
        ...assetSchemas,
        ...responseSchemas,
        ...osmAndSchemas,
        ...adsbFeedSchemas,
        ...liveSchemas,
        ...meSchemas,
        ...adminSchemas,
        ...errorSchemas,
      },
      responses: errorResponses,
      securitySchemes,
    },
  };
}
