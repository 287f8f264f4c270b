import { eventually } from '@beacon/testing';
import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

/**
 * An asset that changes hands in the middle of its track: each customer reads the part it owned,
 * and only that; a customer that never owned it is told it does not exist.
 */
let test: TestApp;
const keys: Record<string, string> = {};

const admin = (method: 'POST' | 'PATCH', url: string, payload: object, headers: Record<string, string> = {}) =>
  test.request({ method, url, headers: { ...adminHeaders, ...headers }, payload });
const trackFor = (key: string) => {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 120_000).toISOString();
  return test.request({ method: 'GET', url: `/api/v1/assets/OWNED-1/track?from=${from}&to=${to}`, headers: { authorization: `Bearer ${key}` } });
};
const latitudes = (response: { json: () => unknown }) => (response.json() as { points: Array<{ lat: number }> }).points.map((p) => p.lat);

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on' });
  for (const customer of ['first', 'second', 'third']) {
    await admin('POST', '/api/v1/customers', { id: customer, name: `${customer} AB` });
    keys[customer] = (await admin('POST', '/api/v1/api-keys', { role: 'viewer', name: customer, customerId: customer })).json<{ key: string }>().key;
  }
  await admin('POST', '/api/v1/assets', { id: 'OWNED-1', kind: 'vehicle', customerId: 'first' });
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  for (const [lat, m] of [[59.1, 20], [59.2, 10]] as const) {
    expect((await admin('POST', '/api/v1/heartbeats', { assetId: 'OWNED-1', lat, lon: 18, timestamp: minutesAgo(m) })).statusCode).toBe(202);
  }
  expect((await admin('PATCH', '/api/v1/assets/OWNED-1', { customerId: 'second' }, { 'if-match': '1' })).statusCode).toBe(200);
  for (const lat of [59.3, 59.4]) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await admin('POST', '/api/v1/heartbeats', { assetId: 'OWNED-1', lat, lon: 18 })).statusCode).toBe(202);
  }
  await eventually(async () => expect(latitudes(await test.request({ method: 'GET', url: '/api/v1/assets/OWNED-1/track', headers: adminHeaders }))).toHaveLength(4));
});
afterAll(() => test.close());

describe('the track of an asset that changed hands', () => {
  it('shows the previous owner only the time it owned the asset', async () => {
    const response = await trackFor(keys['first'] ?? '');
    expect(response.statusCode).toBe(200);
    expect(latitudes(response)).toEqual([59.1, 59.2]);
  });

  it('shows the new owner only the time since it owns the asset', async () => {
    expect(latitudes(await trackFor(keys['second'] ?? ''))).toEqual([59.3, 59.4]);
  });

  it('does not exist for a customer that never owned it, and is whole for an admin', async () => {
    expect((await trackFor(keys['third'] ?? '')).statusCode).toBe(404);
    expect(latitudes(await test.request({ method: 'GET', url: '/api/v1/assets/OWNED-1/track', headers: adminHeaders }))).toEqual([59.1, 59.2, 59.3, 59.4]);
  });
});
