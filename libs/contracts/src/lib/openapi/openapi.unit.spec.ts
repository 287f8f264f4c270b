import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { batchHeartbeatSchema } from '../schemas/batch-heartbeat.schema';
import { heartbeatSchema } from '../schemas/heartbeat.schema';
import { issueApiKeySchema } from '../schemas/issue-api-key.schema';
import { registerAssetSchema } from '../schemas/register-asset.schema';
import { registerCustomerSchema } from '../schemas/register-customer.schema';
import { updateAssetSchema } from '../schemas/update-asset.schema';
import { buildOpenApiDocument } from './openapi-document';
import { ROLES } from './operation-parts';
import type { HttpMethod, Operation, Reference, Response } from './openapi-types';

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
  return ref
    .slice(2)
    .split('/')
    .map(unescape)
    .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), served);
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
        'POST /api/v1/customers',
        'GET /api/v1/customers',
        'POST /api/v1/assets',
        'GET /api/v1/assets',
        'GET /api/v1/assets/{id}',
        'PATCH /api/v1/assets/{id}',
        'DELETE /api/v1/assets/{id}',
        'GET /api/v1/assets/{id}/track',
        'POST /api/v1/assets/{id}/heartbeats',
        'POST /api/v1/heartbeats',
        'GET /api/v1/ingest/osmand',
        'POST /api/v1/ingest/osmand',
        'GET /api/v1/ingest/osmand/{key}',
        'POST /api/v1/ingest/osmand/{key}',
        'POST /api/v1/ingest/readsb',
        'POST /api/v1/ingest/opensky',
        'GET /api/v1/live',
        'POST /api/v1/live/tickets',
        'GET /api/v1/stats',
        'POST /api/v1/api-keys',
        'GET /api/v1/api-keys',
        'DELETE /api/v1/api-keys/{id}',
        'GET /api/v1/me',
        'POST /api/v1/admin/projections/assets/rebuild',
        'GET /api/v1/admin/projections/assets/rebuilds/{id}',
        'GET /api/v1/admin/projections/{name}/dead-letters',
        'POST /api/v1/admin/projections/{name}/dead-letters/retry',
        'POST /api/v1/admin/projections/{name}/dead-letters/{position}/retry',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'GET /api/openapi.json',
        'GET /api/docs',
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

  it('gives every POST and PATCH but the bodiless admin and ticket requests a request body whose content schemas exist', () => {
    const writes = operations.filter(([, method]) => method === 'post' || method === 'patch');
    for (const [path, method, { requestBody: body }] of writes) {
      const bodiless = path === '/api/v1/admin/projections/assets/rebuild' || path.endsWith('/retry') || path === '/api/v1/live/tickets';
      expect({ operation: `${method} ${path}`, hasBody: body !== undefined }).toMatchObject({ hasBody: !bodiless });
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

  it('gives examples its component schemas accept', () => {
    const ajv = new Ajv2020({ strict: true, strictTuples: false });
    addFormats(ajv);
    for (const keyword of ['openapi', 'jsonSchemaDialect', 'info', 'tags', 'paths', 'components']) ajv.addKeyword(keyword);
    ajv.addSchema(served, 'openapi.json');
    const withExamples = Object.entries(served.components.schemas).filter(([, schema]) => Array.isArray(schema['examples']));
    expect(withExamples.map(([name]) => name)).toContain('Asset');
    for (const [name, schema] of withExamples) {
      const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
      for (const example of schema['examples'] as unknown[])
        expect({ name, valid: validate?.(example), errors: validate?.errors }).toEqual({ name, valid: true, errors: null });
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

describe('its queries, live stream and admin endpoints', () => {
  const operation = (path: string, method: HttpMethod = 'get'): Operation => {
    const found = served.paths[path]?.[method];
    if (!found) throw new Error(`no ${method} ${path}`);
    return found;
  };
  const parameter = (path: string, name: string) => operation(path).parameters?.find((p) => p.name === name);
  const content = (path: string, status: string, method: HttpMethod = 'get') =>
    (operation(path, method).responses[status] as Response).content;
  const ref = (name: string): Reference => ({ $ref: `#/components/schemas/${name}` });

  it.each([
    ['/api/v1/assets', ['q', 'customerId', 'status', 'kind', 'bbox', 'sort', 'cursor', 'limit']],
    ['/api/v1/assets/{id}/track', ['id', 'from', 'to', 'maxPoints']],
    ['/api/v1/live', ['Last-Event-ID', 'lastEventId', 'customerId', 'bbox', 'key', 'ticket']],
  ])('GET %s declares every parameter the server reads', (path, names) => {
    expect(
      operation(path)
        .parameters?.map((p) => p.name)
        .sort(),
    ).toEqual([...names].sort());
  });

  it('checks bbox, sort and the track parameters as the server does', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const accepts = (path: string, name: string, value: unknown) => ajv.validate(parameter(path, name)?.schema ?? false, value);
    for (const path of ['/api/v1/assets', '/api/v1/live']) {
      expect(accepts(path, 'bbox', '10.5,59.8,11.1,60.1')).toBe(true);
      expect(accepts(path, 'bbox', '-180,-90,180,90')).toBe(true);
      expect(accepts(path, 'bbox', '10,59,11')).toBe(false);
    }
    for (const sort of ['registration', 'lastSeenAt:desc', 'id:asc']) expect(accepts('/api/v1/assets', 'sort', sort)).toBe(true);
    for (const sort of ['name', 'id:up', 'lastSeenAt:']) expect(accepts('/api/v1/assets', 'sort', sort)).toBe(false);
    expect(accepts('/api/v1/assets/{id}/track', 'from', '2025-05-01T08:00:00Z')).toBe(true);
    expect(accepts('/api/v1/assets/{id}/track', 'maxPoints', 1)).toBe(false);
  });

  it('pages the search by cursor and states its text rule, with nothing left "not built yet"', () => {
    expect(resolve('#/components/schemas/SearchAssetsResponse')).toMatchObject({
      required: expect.arrayContaining(['nextCursor']),
      properties: { nextCursor: { type: ['string', 'null'] } },
    });
    expect(parameter('/api/v1/assets', 'cursor')?.description).toContain('nextCursor');
    expect(parameter('/api/v1/assets', 'q')?.description).toMatch(/start of a word.*one typo away/);
    expect(JSON.stringify(served)).not.toMatch(/not built/i);
  });

  it('answers the track, the stats and the rebuilds with their schemas', () => {
    expect(content('/api/v1/assets/{id}/track', '200')?.['application/json']?.schema).toEqual(ref('Track'));
    expect(resolve('#/components/schemas/Track')).toMatchObject({
      required: ['points', 'thinned'],
      properties: { points: { items: ref('TrackPoint') }, thinned: { type: 'boolean' } },
    });
    expect(content('/api/v1/stats', '200')?.['application/json']?.schema).toEqual(ref('Stats'));
    expect(resolve('#/components/schemas/Stats')).toMatchObject({ required: ['assets', 'events', 'ingest', 'projection', 'readModel'] });
    expect(content('/api/v1/admin/projections/assets/rebuild', '202', 'post')?.['application/json']?.schema).toEqual(
      ref('ProjectionRebuild'),
    );
    expect(content('/api/v1/admin/projections/assets/rebuilds/{id}', '200')?.['application/json']?.schema).toEqual(
      ref('ProjectionRebuild'),
    );
    expect(content('/api/v1/admin/projections/{name}/dead-letters', '200')?.['application/json']?.schema).toEqual(ref('DeadLetterList'));
    expect(content('/api/v1/admin/projections/{name}/dead-letters/{position}/retry', '202', 'post')?.['application/json']?.schema).toEqual(
      ref('DeadLetter'),
    );
    for (const [path] of operations.filter(([path]) => path.startsWith('/api/v1/admin/'))) {
      expect(served.paths[path]?.post?.description ?? served.paths[path]?.get?.description).toContain(ROLES.admin);
    }
  });

  it('describes the live stream: its events and their data, resuming, and who may watch what', () => {
    expect(content('/api/v1/live', '200')?.['text/event-stream']?.schema).toEqual(ref('LiveMessage'));
    type Message = { properties: { event?: { const: string }; data?: { contentSchema: Reference } } };
    const messages = (resolve('#/components/schemas/LiveMessage') as { oneOf: Message[] }).oneOf;
    const dataOf = Object.fromEntries(
      messages.flatMap(({ properties: { event, data } }) => (event ? [[event.const, data?.contentSchema]] : [])),
    );
    expect(dataOf).toEqual({ status: ref('LiveStatusEvent'), position: ref('LivePositionEvent'), resync: ref('LiveResyncEvent') });
    expect(resolve('#/components/schemas/LiveStatusEvent')).toMatchObject({ required: ['id', 'status', 'at'] });
    expect(resolve('#/components/schemas/LivePositionEvent')).toMatchObject({ properties: { position: ref('Position') } });
    expect(parameter('/api/v1/live', 'Last-Event-ID')?.in).toBe('header');
    expect(parameter('/api/v1/live', 'customerId')?.description).toContain('403');
    expect(operation('/api/v1/live').responses).toHaveProperty('403');
    // The routes marked @KeyInQuery on the server, and no others.
    const queryKeyed = operations
      .filter(([, , op]) => op.security.some((r) => 'queryKey' in r))
      .map(([path, method]) => `${method} ${path}`);
    expect(queryKeyed.sort()).toEqual(['get /api/v1/ingest/osmand', 'get /api/v1/live', 'post /api/v1/ingest/osmand']);
    // A live ticket opens the stream and nothing else (@TicketInQuery on the server).
    const ticketed = operations
      .filter(([, , op]) => op.security.some((r) => 'liveTicket' in r))
      .map(([path, method]) => `${method} ${path}`);
    expect(ticketed).toEqual(['get /api/v1/live']);
  });
});

describe('its feed documents', () => {
  it('describe the legacy dump1090 names beside the readsb ones', () => {
    const aircraft = resolve('#/components/schemas/ReadsbAircraft') as { properties: Record<string, { description?: string }> };
    expect(Object.keys(aircraft.properties)).toEqual(expect.arrayContaining(['altitude', 'speed', 'vert_rate']));
    expect(aircraft.properties['speed']?.description).toMatch(/knots.*`gs`/);
  });

  it('take an OpenSky state vector with fields after the ones Beacon reads', () => {
    const ajv = new Ajv2020({ strict: true, strictTuples: false });
    for (const keyword of ['openapi', 'jsonSchemaDialect', 'info', 'tags', 'paths', 'components']) ajv.addKeyword(keyword);
    ajv.addSchema(served, 'openapi.json');
    const valid = (doc: unknown) => ajv.validate('openapi.json#/components/schemas/OpenSkyStates', doc);
    const vector = [
      '4ac9e1',
      'SAS1415 ',
      'Sweden',
      1795607998,
      1795607999,
      18.6,
      57.9,
      10363.2,
      false,
      232.68,
      203.41,
      5.2,
      null,
      10668,
      '2217',
      false,
      0,
    ];
    expect(valid({ time: 1795608000, states: [vector, [...vector, 4], [...vector, 'A20N', 7.5], [...vector, 4, 'D-AIUA', null]] })).toBe(
      true,
    );
    expect(valid({ time: 1795608000, states: [vector.slice(0, 16)] })).toBe(false);
  });
});

describe('its rules for every route', () => {
  it('say that a method a path does not take is 405, with Allow and the error body', () => {
    expect(served.info.description).toMatch(/405 `method_not_allowed`.*`Allow`/);
    expect(resolve('#/components/responses/MethodNotAllowed')).toMatchObject({
      headers: { Allow: { schema: { type: 'string' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    });
    expect(resolve('#/components/schemas/ApiError')).toMatchObject({
      properties: { error: { enum: expect.arrayContaining(['method_not_allowed']) } },
    });
  });

  it('say of every request body which encodings are decoded and whether it may be left out', () => {
    const bodies = operations.flatMap(([path, method, { requestBody }]) =>
      requestBody ? [[`${method} ${path}`, requestBody] as const] : [],
    );
    expect(bodies.length).toBeGreaterThan(8);
    for (const [operation, body] of bodies) {
      expect({ operation, description: body.description }).toEqual({
        operation,
        description: expect.stringMatching(/Content-Encoding: gzip.*deflate.*415/),
      });
      const presence = body.required ? /Required: an empty body or JSON `null` is 400/ : /Optional.*JSON `null` is 400/;
      expect({ operation, description: body.description }).toEqual({ operation, description: expect.stringMatching(presence) });
    }
  });
});

describe('the rules the server enforces, stated', () => {
  const ajv = new Ajv2020({ strict: true });
  addFormats(ajv);
  const operation = (path: string, method: HttpMethod) => served.paths[path]?.[method];
  const parameter = (path: string, method: HttpMethod, name: string) => operation(path, method)?.parameters?.find((p) => p.name === name);

  it('may answer 400 on every operation: the edge refuses unsafe text in any parameter', () => {
    for (const [path, method, { responses }] of operations)
      expect({ operation: `${method} ${path}`, has400: '400' in responses }).toEqual({ operation: `${method} ${path}`, has400: true });
  });

  it('requires If-Match in the form the server reads', () => {
    const ifMatch = parameter('/api/v1/assets/{id}', 'patch', 'If-Match');
    expect(ifMatch?.required).toBe(true);
    for (const value of ['1', '"12"', 'W/"3"']) expect(ajv.validate(ifMatch?.schema ?? false, value)).toBe(true);
    for (const value of ['', '0', '0x1', '1.0', '+1', '"1']) expect(ajv.validate(ifMatch?.schema ?? false, value)).toBe(false);
  });

  it("requires OsmAnd's id in the query of a GET, and bounds its coordinates", () => {
    expect(parameter('/api/v1/ingest/osmand', 'get', 'id')?.required).toBe(true);
    expect(parameter('/api/v1/ingest/osmand', 'get', 'lat')?.schema).toMatchObject({ minimum: -90, maximum: 90 });
  });

  it('bounds the clock of a readsb and an OpenSky document', () => {
    expect(resolve('#/components/schemas/ReadsbAircraftJson')).toMatchObject({ properties: { now: { minimum: 0, maximum: 1e11 } } });
    expect(resolve('#/components/schemas/OpenSkyStates')).toMatchObject({ properties: { time: { minimum: 0, maximum: 1e11 } } });
  });

  it('refuses control characters in free text and in a bbox out of range', () => {
    const name = (resolve('#/components/schemas/RegisterCustomerRequest') as { properties: { name: object } }).properties.name;
    expect(ajv.validate(name, 'Åkeri AB')).toBe(true);
    expect(ajv.validate(name, 'Åkeri\u0000AB')).toBe(false);
    expect(ajv.validate(parameter('/api/v1/assets/{id}', 'get', 'id')?.schema ?? false, 'VIN\u0007')).toBe(false);
    const bbox = parameter('/api/v1/assets', 'get', 'bbox')?.schema ?? false;
    expect(ajv.validate(bbox, '-180,-90,180,90')).toBe(true);
    expect(ajv.validate(bbox, '-180.5,0,0,0')).toBe(false);
    expect(ajv.validate(bbox, '0,91,0,0')).toBe(false);
  });
});
