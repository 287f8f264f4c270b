import { eventually } from '@beacon/testing';
import { LiveClient } from '../../testing/live-client';
import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

/**
 * An asset that changes hands in the middle of its track: each customer reads the part it owned,
 * and only that, in its track and in the live stream's replay; a customer that never owned it is
 * told it does not exist.
 */
let test: TestApp;
const keys: Record<string, string> = {};

const admin = (method: 'POST' | 'PATCH', url: string, payload: object, headers: Record<string, string> = {}) =>
  test.request({ method, url, headers: { ...adminHeaders, ...headers }, payload });
const trackFor = (key: string) => {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 120_000).toISOString();
  return test.request({
    method: 'GET',
    url: `/api/v1/assets/OWNED-1/track?from=${from}&to=${to}`,
    headers: { authorization: `Bearer ${key}` },
  });
};
const latitudes = (response: { json: () => unknown }) => (response.json() as { points: Array<{ lat: number }> }).points.map((p) => p.lat);

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on' });
  for (const customer of ['first', 'second', 'third']) {
    await admin('POST', '/api/v1/customers', { id: customer, name: `${customer} AB` });
    keys[customer] = (await admin('POST', '/api/v1/api-keys', { role: 'viewer', name: customer, customerId: customer })).json<{
      key: string;
    }>().key;
  }
  await admin('POST', '/api/v1/assets', { id: 'OWNED-1', kind: 'vehicle', customerId: 'first' });
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  for (const [lat, m] of [
    [59.1, 20],
    [59.2, 10],
  ] as const) {
    expect((await admin('POST', '/api/v1/heartbeats', { assetId: 'OWNED-1', lat, lon: 18, timestamp: minutesAgo(m) })).statusCode).toBe(
      202,
    );
  }
  expect((await admin('PATCH', '/api/v1/assets/OWNED-1', { customerId: 'second' }, { 'if-match': '1' })).statusCode).toBe(200);
  for (const lat of [59.3, 59.4]) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await admin('POST', '/api/v1/heartbeats', { assetId: 'OWNED-1', lat, lon: 18 })).statusCode).toBe(202);
  }
  await eventually(async () =>
    expect(latitudes(await test.request({ method: 'GET', url: '/api/v1/assets/OWNED-1/track', headers: adminHeaders }))).toHaveLength(4),
  );
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
    expect(latitudes(await test.request({ method: 'GET', url: '/api/v1/assets/OWNED-1/track', headers: adminHeaders }))).toEqual([
      59.1, 59.2, 59.3, 59.4,
    ]);
  });
});

describe('the track of a decommissioned asset', () => {
  it('is gone for its owners as it is for an admin', async () => {
    await admin('POST', '/api/v1/assets', { id: 'OWNED-3', kind: 'vehicle', customerId: 'first' });
    expect((await admin('POST', '/api/v1/heartbeats', { assetId: 'OWNED-3', lat: 59.5, lon: 18 })).statusCode).toBe(202);
    const track = (key: string) =>
      test.request({ method: 'GET', url: '/api/v1/assets/OWNED-3/track', headers: { authorization: `Bearer ${key}` } });
    await eventually(async () => expect((await track(keys['first'] ?? '')).statusCode).toBe(200));
    expect((await test.request({ method: 'DELETE', url: '/api/v1/assets/OWNED-3', headers: adminHeaders })).statusCode).toBe(200);
    expect((await track(keys['first'] ?? '')).statusCode).toBe(404);
    expect((await test.request({ method: 'GET', url: '/api/v1/assets/OWNED-3/track', headers: adminHeaders })).statusCode).toBe(404);
  });
});

describe('the live stream of an asset that changed hands', () => {
  const latOf = (data: Record<string, unknown>) => (data['position'] as { lat: number }).lat;

  it('replays to the new owner nothing from before its period, not even a heartbeat that arrives late', async () => {
    await test.app.listen(0, '127.0.0.1');
    const live = `${await test.app.getUrl()}/api/v1/live`;
    const clients: LiveClient[] = [];
    const watch = async (headers: Record<string, string>): Promise<LiveClient> => {
      const client = new LiveClient(live, headers);
      clients.push(client);
      await client.opened;
      return client;
    };
    const heartbeat = async (assetId: string, lat: number, timestamp = new Date().toISOString()) =>
      expect((await admin('POST', '/api/v1/heartbeats', { assetId, lat, lon: 18, timestamp })).statusCode).toBe(202);
    try {
      await admin('POST', '/api/v1/assets', { id: 'OWNED-2', kind: 'vehicle', customerId: 'first' });
      await admin('POST', '/api/v1/assets', { id: 'ANCHOR', kind: 'vehicle', customerId: 'second' });
      await heartbeat('OWNED-2', 60.1, new Date(Date.now() - 20 * 60_000).toISOString());
      expect((await admin('PATCH', '/api/v1/assets/OWNED-2', { customerId: 'second' }, { 'if-match': '1' })).statusCode).toBe(200);

      const witness = await watch(adminHeaders);
      const second = await watch({ authorization: `Bearer ${keys['second'] ?? ''}` });
      await heartbeat('ANCHOR', 61.1);
      const seen = await second.next((e) => e.type === 'position' && e.data['id'] === 'ANCHOR');
      second.close();

      // While the new owner is away: a heartbeat from the first owner's time, sent late, then one of its own asset.
      await heartbeat('OWNED-2', 60.2, new Date(Date.now() - 60_000).toISOString());
      await witness.next((e) => e.type === 'position' && e.data['id'] === 'OWNED-2' && latOf(e.data) === 60.2);
      await heartbeat('ANCHOR', 61.2);
      await witness.next((e) => e.type === 'position' && e.data['id'] === 'ANCHOR' && latOf(e.data) === 61.2);

      const resumed = await watch({ authorization: `Bearer ${keys['second'] ?? ''}`, 'last-event-id': seen.lastEventId });
      await resumed.next((e) => e.type === 'position' && e.data['id'] === 'ANCHOR' && latOf(e.data) === 61.2);
      expect(resumed.of('position', 'OWNED-2')).toEqual([]);
      // What happens in its own period reaches it.
      await heartbeat('OWNED-2', 60.3);
      await resumed.next((e) => e.type === 'position' && e.data['id'] === 'OWNED-2' && latOf(e.data) === 60.3);
    } finally {
      for (const client of clients) client.close();
    }
  });
});
