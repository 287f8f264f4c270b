import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../../testing/test-app';

let test: TestApp;
const post = (payload: string | object, contentType = 'application/json') =>
  test.request({
    method: 'POST',
    url: '/api/v1/heartbeats',
    headers: { ...adminHeaders, 'content-type': contentType },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
const start = Date.now() - 60_000;
const at = (second: number) => new Date(start + second * 1000).toISOString();

beforeAll(async () => {
  test = await startTestApp();
  await registerVehicle(test, 'VIN-1');
  await registerVehicle(test, 'VIN-2');
});
afterAll(() => test.close());

describe('POST /api/v1/heartbeats', () => {
  it('takes one object', async () => {
    const response = await post({ assetId: 'VIN-1', timestamp: at(1), lat: 59, lon: 18 });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('stores the valid items of an array and names each refused one by index', async () => {
    const response = await post([
      { assetId: 'VIN-1', timestamp: at(2), lat: 59, lon: 18 },
      { assetId: 'VIN-1', timestamp: at(3), lat: 200, lon: 18 },
      { assetId: 'NOBODY', timestamp: at(4) },
      { assetId: 'VIN-2', timestamp: at(5), speed: 10 },
      { timestamp: at(6) },
      { assetId: 'VIN-1', timestamp: at(1), lat: 59, lon: 18 },
    ]);
    expect(response.statusCode).toBe(202);
    const body = response.json();
    expect(body).toMatchObject({ accepted: 2, duplicates: 1 });
    expect(body.rejected).toEqual([
      { index: 1, error: 'invalid_request', details: [{ field: 'lat', reason: 'must be <= 90' }] },
      { index: 2, error: 'unknown_asset', details: [{ field: 'assetId', reason: 'asset NOBODY is not registered' }] },
      { index: 4, error: 'invalid_request', details: [{ field: 'assetId', reason: "must have required property 'assetId'" }] },
    ]);
  });

  it('takes NDJSON, a broken line being one refused item', async () => {
    const lines = [
      JSON.stringify({ assetId: 'VIN-2', timestamp: at(7) }),
      '{"assetId": "VIN-2", "timestamp": ',
      JSON.stringify({ assetId: 'VIN-2', timestamp: at(8) }),
      '',
    ].join('\n');
    const body = (await post(lines, 'application/x-ndjson')).json();
    expect(body.accepted).toBe(2);
    expect(body.rejected).toEqual([{ index: 1, error: 'invalid_request', details: [{ field: '(line)', reason: 'is not valid JSON' }] }]);
  });

  it('refuses more than 10,000 heartbeats with 413, an empty array and a non-JSON body with 4xx', async () => {
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ assetId: 'VIN-1', messageId: `m-${i}` }));
    const big = await post(tooMany);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('payload_too_large');
    expect((await post([])).statusCode).toBe(400);
    expect((await post('assetId=VIN-1', 'text/csv')).statusCode).toBe(415);
  });

  it('stores a full batch of 10,000 in one request', async () => {
    const batch = Array.from({ length: 10_000 }, (_, i) => ({ assetId: i % 2 ? 'VIN-1' : 'VIN-2', messageId: `full-${i}` }));
    expect((await post(batch)).json()).toMatchObject({ accepted: 10_000, duplicates: 0, rejected: [] });
  });
});
