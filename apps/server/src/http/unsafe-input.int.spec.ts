import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

/** Text no store can keep, and nesting no document of Beacon's has, get 400 on every route, never 5xx. */
let test: TestApp;
const json = { ...adminHeaders, 'content-type': 'application/json' };

beforeAll(async () => {
  test = await startTestApp();
  await registerVehicle(test, 'SAFE-1');
});
afterAll(() => test.close());

const expectRefused = async (answer: Promise<{ statusCode: number; json: () => unknown }>, field: string) => {
  const response = await answer;
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({ error: 'invalid_request', details: [{ field }] });
};

describe('unsafe input', () => {
  it('is refused in a path parameter and in a query parameter', async () => {
    await expectRefused(test.request({ method: 'GET', url: '/api/v1/assets/a%00', headers: adminHeaders }), 'path.id');
    await expectRefused(test.request({ method: 'GET', url: '/api/v1/assets?q=%00', headers: adminHeaders }), 'query.q');
    // Bytes that are not UTF-8 at all are decoded to U+FFFD, which is ordinary text.
    expect((await test.request({ method: 'GET', url: '/api/v1/assets?q=%ED%A0%80x', headers: adminHeaders })).statusCode).toBe(200);
  });

  it('is refused in a command body: a NUL, a lone surrogate (as JSON escapes), a key', async () => {
    const post = (url: string, payload: string) => test.request({ method: 'POST', url, headers: json, payload });
    await expectRefused(post('/api/v1/customers', '{"id":"nul","name":"A\\u0000B"}'), 'name');
    await expectRefused(post('/api/v1/customers', '{"id":"half","name":"A\\ud800B"}'), 'name');
    await expectRefused(post('/api/v1/api-keys', '{"role":"viewer","name":"k","\\u0000":1}'), '\u0000');
    await expectRefused(post('/api/v1/assets/SAFE-1/heartbeats', '{"callsign":"SAS\\u00001"}'), 'callsign');
  });

  it('is refused when nested deeper than any document, also in an OsmAnd body', async () => {
    const deep = `{"id":"SAFE-1","lat":${'['.repeat(3000)}1${']'.repeat(3000)}}`;
    const answer = await test.request({ method: 'POST', url: '/api/v1/ingest/osmand', headers: json, payload: deep });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ error: 'invalid_request', details: [{ reason: 'nests deeper than 16 levels' }] });
  });

  it("rejects a batch's bad items by index and stores the rest", async () => {
    const batch = '[{"assetId":"SAFE-1","messageId":"s-0"},{"assetId":"SAFE\\u00001"},{"assetId":"SAFE-1","messageId":"s-2"}]';
    const answer = await test.request({ method: 'POST', url: '/api/v1/heartbeats', headers: json, payload: batch });
    expect(answer.statusCode).toBe(202);
    expect(answer.json()).toMatchObject({
      accepted: 2,
      rejected: [{ index: 1, error: 'invalid_request', details: [{ field: 'assetId' }] }],
    });
  });

  it('leaves ordinary text alone: accents, emoji, line breaks', async () => {
    const answer = await test.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: json,
      payload: JSON.stringify({ id: 'ok', name: 'Åkeri Lindén 🚚', address: 'Storgatan 1\nStockholm' }),
    });
    expect(answer.statusCode).toBe(201);
  });
});
