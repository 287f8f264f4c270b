import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { batchHeartbeatSchema } from '../schemas/batch-heartbeat.schema';
import { heartbeatSchema } from '../schemas/heartbeat.schema';
import { issueApiKeySchema } from '../schemas/issue-api-key.schema';
import { registerAssetSchema } from '../schemas/register-asset.schema';
import { registerCustomerSchema } from '../schemas/register-customer.schema';
import { updateAssetSchema } from '../schemas/update-asset.schema';
import { buildOpenApiDocument } from './openapi-document';
import type { HttpMethod, Operation, Reference } from './openapi-types';

const built = buildOpenApiDocument({ version: '1.2.3' });
// What clients get is the JSON text, so the structural checks run on that.
const served = JSON.parse(JSON.stringify(built)) as typeof built;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Every `[pointer, value]` below `node` whose key is `key`, pointers as RFC 6901 segments. */
function findKeys(node: unknown, key: string, at: string[] = []): [string[], unknown][] {
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([name, child]) => [
    ...(name === key ? ([[at, child]] as [string[], unknown][]) : []),
    ...findKeys(child, key, [...at, name]),
  ]);
}

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map(unescape).reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), served);
}

const operations: [string, HttpMethod, Operation][] = Object.entries(served.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]): [string, HttpMethod, Operation] => [path, method as HttpMethod, operation]),
);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1.0 in the JSON Schema 2020-12 dialect, with the version it was given', () => {
    expect(served.openapi).toBe('3.1.0');
    // The OAS 3.1 base dialect is JSON Schema 2020-12 plus OpenAPI's annotations; schemas use none of those.
    expect(served.jsonSchemaDialect).toBe('https://spec.openapis.org/oas/3.1/dialect/base');
    expect(served.info).toMatchObject({ title: expect.any(String), version: '1.2.3' });
  });

  it('describes every endpoint the server implements, and nothing else', () => {
    expect(operations.map(([path, method]) => `${method.toUpperCase()} ${path}`).sort()).toEqual(
      [
        'POST /api/v1/customers', 'GET /api/v1/customers',
        'POST /api/v1/assets', 'GET /api/v1/assets',
        'GET /api/v1/assets/{id}', 'PATCH /api/v1/assets/{id}', 'DELETE /api/v1/assets/{id}',
        'POST /api/v1/assets/{id}/heartbeats', 'POST /api/v1/heartbeats',
        'GET /api/v1/ingest/osmand', 'POST /api/v1/ingest/osmand',
        'POST /api/v1/ingest/readsb', 'POST /api/v1/ingest/opensky',
        'POST /api/v1/api-keys',
        'GET /health/live', 'GET /health/ready', 'GET /metrics',
        'GET /api/openapi.json', 'GET /api/docs',
      ].sort(),
    );
  });

  it('resolves every $ref inside the document', () => {
    const refs = findKeys(served, '$ref');
    expect(refs.length).toBeGreaterThan(20);
    for (const [at, ref] of refs) {
      expect({ at: at.join('/'), ref, resolved: typeof ref === 'string' && isObject(resolve(ref)) }).toMatchObject({ resolved: true });
    }
  });

  it.each(operations)('%s %s has an id, a summary, declared tags and described responses', (_path, _method, operation) => {
    expect(operation.operationId).toMatch(/^[a-zA-Z]+$/);
    expect(operation.summary).toBeTruthy();
    for (const tag of operation.tags) expect(served.tags.map((t) => t.name)).toContain(tag);
    const responses = Object.entries(operation.responses);
    expect(responses.length).toBeGreaterThan(0);
    expect(responses.some(([status]) => /^2\d\d$/.test(status))).toBe(true);
    for (const [status, response] of responses) {
      expect(status).toMatch(/^[1-5]\d\d$/);
      const described = '$ref' in response ? resolve(response.$ref) : response;
      expect(described).toMatchObject({ description: expect.any(String) });
    }
  });

  it('has unique operation ids', () => {
    const ids = operations.map(([, , operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path template variable as a required path parameter, and no others', () => {
    for (const [path, , operation] of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name)).toEqual(inPath);
      for (const parameter of declared) expect(parameter.required).toBe(true);
    }
  });

  it('requires only security schemes it defines', () => {
    const schemes = Object.keys(served.components.securitySchemes);
    expect(schemes).toEqual(expect.arrayContaining(['bearer', 'apiKey']));
    for (const [, , operation] of operations) {
      for (const requirement of operation.security) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
    }
  });

  it('gives every POST and PATCH a request body whose content schemas exist', () => {
    const writes = operations.filter(([, method]) => method === 'post' || method === 'patch');
    for (const [path, method, { requestBody: body }] of writes) {
      expect({ operation: `${method} ${path}`, hasBody: body !== undefined }).toMatchObject({ hasBody: true });
      if (!body) continue;
      for (const media of Object.values(body.content)) {
        const ref = (media.schema as Partial<Reference>).$ref;
        if (ref) expect(Object.keys(served.components.schemas)).toContain(ref.replace('#/components/schemas/', ''));
        else expect(media.schema['type']).toBeDefined();
      }
    }
  });

  it('holds only valid JSON Schema 2020-12 (every schema compiles with ajv in strict mode, refs resolved)', () => {
    // OpenSky's state vector has 17 fields, or 18: a tuple of two lengths, which strictTuples forbids.
    const ajv = new Ajv2020({ strict: true, strictTuples: false });
    addFormats(ajv);
    for (const keyword of ['openapi', 'jsonSchemaDialect', 'info', 'tags', 'paths', 'components']) ajv.addKeyword(keyword);
    ajv.addSchema(served, 'openapi.json');
    const pointers = [
      ...Object.keys(served.components.schemas).map((name) => ['components', 'schemas', name]),
      ...findKeys(served.paths, 'schema', ['paths']).map(([at]) => [...at, 'schema']),
      ...findKeys(served.components.responses, 'schema', ['components', 'responses']).map(([at]) => [...at, 'schema']),
    ];
    for (const pointer of pointers) {
      const id = `openapi.json#/${pointer.map(escape).join('/')}`;
      expect(() => {
        if (!ajv.getSchema(id)) throw new Error(`no schema at ${id}`);
      }).not.toThrow();
    }
  });
});

describe('its request schemas', () => {
  const withoutId = ({ $id: _id, ...schema }: { $id: string }): object => schema;

  it.each([
    ['Heartbeat', heartbeatSchema],
    ['BatchHeartbeat', batchHeartbeatSchema],
    ['RegisterCustomerRequest', registerCustomerSchema],
    ['RegisterAssetRequest', registerAssetSchema],
    ['UpdateAssetRequest', updateAssetSchema],
    ['IssueApiKeyRequest', issueApiKeySchema],
  ] as const)('%s is the schema the server validates with', (name, schema) => {
    expect(served.components.schemas[name]).toEqual(withoutId(schema));
    // The very same objects, not copies that happen to agree today.
    expect(built.components.schemas[name]?.['properties']).toBe(schema.properties);
  });

  it('are the bodies of the heartbeat endpoints', () => {
    const body = (path: string) => served.paths[path]?.post?.requestBody?.content;
    expect(body('/api/v1/assets/{id}/heartbeats')?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Heartbeat' });
    expect(body('/api/v1/heartbeats')?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/HeartbeatBatch' });
    expect(body('/api/v1/heartbeats')?.['application/x-ndjson']).toBeDefined();
    expect(resolve('#/components/schemas/HeartbeatBatch')).toMatchObject({
      oneOf: [{ $ref: '#/components/schemas/BatchHeartbeat' }, { type: 'array', maxItems: 10_000 }],
    });
  });
});
