import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

/**
 * Hostile requests to every operation of the served OpenAPI document: path and query values with
 * control characters, lone surrogates and odd encodings; bodies nested deep, with huge numbers and
 * wrong types; wrong content types and methods; missing or bogus keys. Whatever comes, the answer
 * is never a 5xx, and every error carries the JSON body of docs/API.md "Errors".
 */
let test: TestApp;
const RUNS_PER_OPERATION = 150;
/** The live stream answers a valid request with a stream that does not end: fuzzed elsewhere (live-params). */
const NOT_FUZZED = new Set(['GET /api/v1/live']);

interface Operation {
  method: string;
  path: string;
  queryNames: string[];
}

beforeAll(async () => {
  test = await startTestApp();
  await registerVehicle(test, 'FUZZ-1');
});
afterAll(() => test.close());

/** Percent-encodes any UTF-16 string, lone surrogates included (as the bytes a client could send). */
function encodeAnything(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out +=
      code >= 0xd800 && code <= 0xdfff
        ? `%ED%${(0xa0 | ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`
        : encodeURIComponent(char);
  }
  return out;
}

const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\u0000', '\ud800', 'a\u001fb', '\u007f', '..%2F..', '%', '%00', '-1', '1e309', 'NaN', '', ' ', 'FUZZ-1', '[]', '{}'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const nesting = fc.integer({ min: 1, max: 400 }).map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`);
const hugeNumber = fc.constantFrom('1e308', '-1e308', '123456789012345678901234567890', '1e-400', '-0', '0.0000000000000000000001');
/** A body as raw text: JSON of any shape, broken JSON, deep arrays, huge numbers, NDJSON lines. */
const nastyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      assetId: nastyText,
      lat: fc.oneof(fc.double(), hugeNumber.map(Number)),
      lon: fc.anything(),
      timestamp: nastyText,
      messageId: nastyText,
    })
    .map((value) => JSON.stringify(value)),
  fc
    .array(
      fc.record({
        assetId: fc.constantFrom('FUZZ-1', 'nobody'),
        lat: fc.double(),
        lon: fc.double(),
        timestamp: nastyText,
      }),
      { maxLength: 5 },
    )
    .map((value) => JSON.stringify(value)),
  nesting.map((deep) => `{"lat":${deep},"lon":1,"id":"FUZZ-1","name":${deep}}`),
  hugeNumber.map((n) => `{"lat":${n},"lon":${n},"timeoutSeconds":${n},"limit":${n}}`),
  nastyText.map((text) => `{"name":${JSON.stringify(text)},"id":${JSON.stringify(text)},"label":${JSON.stringify(text)}}`),
  {
    arbitrary: fc.constantFrom('', 'null', '{', '[', '"x"', '1', 'true', '{"a":1}\n{"b":', 'lat=1&lon=2&id=FUZZ-1', '<xml/>'),
    weight: 3,
  },
);
/** Mostly JSON, as most routes take it: the body then gets past the parser and meets the handler. */
const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 6 },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'application/x-ndjson',
    'application/x-www-form-urlencoded',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    ';;;',
    undefined,
  ),
);
/** Mostly the admin key, so requests reach the handlers; sometimes none or a bogus one. */
const auth = fc.oneof(
  { arbitrary: fc.constant<Record<string, string>>(adminHeaders), weight: 8 },
  fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer not-a-key' }, { 'x-api-key': '\u0000' }),
);
const method = (documented: string) =>
  fc.oneof(
    { arbitrary: fc.constant(documented), weight: 6 },
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'OPTIONS', 'HEAD'),
  );

async function operations(): Promise<Operation[]> {
  const document = (await test.request({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
  }>();
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([verb]) => ['get', 'post', 'put', 'patch', 'delete'].includes(verb))
      .map(([verb, operation]) => ({
        method: verb.toUpperCase(),
        path,
        queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
  );
}

/** The heap in use after a full garbage collection (Node's `gc`, switched on for this file). */
function heapAfterCollection(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/**
 * Hostile requests must not leave memory behind. The fuzz runs in two equal rounds: the first fills
 * what is meant to fill (caches of keys and digests, compiled routes, the fuzzer's own state); a
 * leak would grow the heap by as much again in the second.
 */
const MAX_SECOND_ROUND_GROWTH_BYTES = 8 * 1024 * 1024;

it('never answers 5xx, and every error has the JSON error body', async () => {
  const all = (await operations()).filter((op) => !NOT_FUZZED.has(`${op.method} ${op.path}`));
  expect(all.length).toBeGreaterThan(15);
  let requests = 0;
  const heapAfterRounds: number[] = [];
  for (const round of [1, 2]) {
    for (const operation of all) {
      const queryNames = operation.queryNames.length ? operation.queryNames : ['q'];
      await fc.assert(
        fc.asyncProperty(
          method(operation.method),
          fc.array(nastyText, { minLength: 3, maxLength: 3 }),
          fc.array(fc.tuple(fc.constantFrom(...queryNames, 'unknown', '\u0000'), nastyText), { maxLength: 4 }),
          nastyBody,
          contentType,
          auth,
          async (verb, pathValues, query, body, type, headers) => {
            let n = 0;
            const path = operation.path.replace(/\{[^}]+\}/g, () => encodeAnything(pathValues[n++] ?? 'x') || 'x');
            const search = query.map(([name, value]) => `${encodeAnything(name)}=${encodeAnything(value)}`).join('&');
            const withBody = verb !== 'GET' && verb !== 'HEAD';
            const response = await test.request({
              method: verb as 'GET',
              url: `${path}${search ? `?${search}` : ''}`,
              headers: {
                ...headers,
                ...(type && withBody ? { 'content-type': type } : {}),
              },
              ...(withBody ? { payload: body } : {}),
            });
            requests++;
            if (response.statusCode >= 500) throw new Error(`${verb} ${path}?${search} → ${response.statusCode} ${response.body}`);
            if (response.statusCode >= 400 && verb !== 'HEAD') {
              const error = response.json<{
                error?: unknown;
                message?: unknown;
              }>();
              if (typeof error.error !== 'string' || typeof error.message !== 'string') {
                throw new Error(`${verb} ${path} → ${response.statusCode} without the error body: ${response.body}`);
              }
            }
          },
        ),
        { numRuns: RUNS_PER_OPERATION / 2, seed: round },
      );
    }
    heapAfterRounds.push(heapAfterCollection());
  }
  const secondRoundGrowth = (heapAfterRounds[1] ?? 0) - (heapAfterRounds[0] ?? 0);
  console.log(
    `fuzzed ${all.length} operations with ${requests} requests: no 5xx; heap ${(secondRoundGrowth / 1048576).toFixed(1)} MB larger after the second round`,
  );
  expect(secondRoundGrowth).toBeLessThan(MAX_SECOND_ROUND_GROWTH_BYTES);
});
