import type { AssetDto, SearchAssetsResponse } from '@beacon/contracts';
import { eventually } from '@beacon/testing';
import { LiveClient } from '../../testing/live-client';
import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

/**
 * An aircraft is identified by its ICAO address, and every customer whose feed sees it tracks it in
 * a fleet of its own (decision 030): no feed is refused because another customer saw the aircraft
 * first, and search, counts, tracks and the live stream show each customer its own asset only.
 */
let test: TestApp;
const keys: Record<string, Record<string, string>> = {};
const nowSeconds = () => Math.floor(Date.now() / 1000);
const SAS = '4ca7b3';

/** Each document a second later than the one before: a heartbeat of the same aircraft and time is a duplicate. */
let documentTime = nowSeconds() - 30;
const readsb = (customer: string, aircraft: object[]) =>
  test.request({
    method: 'POST',
    url: '/api/v1/ingest/readsb',
    headers: keys[`${customer}Feed`],
    payload: { now: ++documentTime, aircraft },
  });
const get = async <T>(url: string, customer: string): Promise<{ status: number; body: T }> => {
  const response = await test.request({ method: 'GET', url, headers: keys[`${customer}Viewer`] });
  return { status: response.statusCode, body: response.json<T>() };
};
const issueKey = async (role: string, customerId: string): Promise<Record<string, string>> => {
  const response = await test.request({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: adminHeaders,
    payload: { role, customerId, name: `${role} of ${customerId}` },
  });
  return { authorization: `Bearer ${response.json().key as string}` };
};
const command = async (method: 'POST' | 'DELETE', url: string, payload?: object) => {
  const response = await test.request({ method, url, headers: adminHeaders, ...(payload ? { payload } : {}) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
};

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on', BEACON_FEED_AIRCRAFT_PER_CUSTOMER: '3' });
  for (const customer of ['norrflyg', 'sydflyg']) {
    await command('POST', '/api/v1/customers', { id: customer, name: `${customer} AB` });
    keys[`${customer}Feed`] = await issueKey('device', customer);
    keys[`${customer}Viewer`] = await issueKey('viewer', customer);
  }
});
afterAll(() => test.close());

describe("one aircraft seen by two customers' feeds", () => {
  it('is tracked by both, each in its own fleet, and neither feed is refused', async () => {
    const north = await readsb('norrflyg', [{ hex: SAS, flight: 'SAS1415', lat: 59.65, lon: 17.92, alt_baro: 3000, seen_pos: 0 }]);
    const south = await readsb('sydflyg', [{ hex: SAS, flight: 'SAS1415', lat: 59.66, lon: 17.95, alt_baro: 3200, seen_pos: 0 }]);
    expect([north.statusCode, north.json()]).toEqual([202, { accepted: 1, duplicates: 0, rejected: [] }]);
    expect([south.statusCode, south.json()]).toEqual([202, { accepted: 1, duplicates: 0, rejected: [] }]);

    // The first fleet gets the address as its asset id, the next one the address qualified by its customer.
    await eventually(async () => {
      const seenByNorth = await get<SearchAssetsResponse>(`/api/v1/assets?q=${SAS}`, 'norrflyg');
      const seenBySouth = await get<SearchAssetsResponse>(`/api/v1/assets?q=${SAS}`, 'sydflyg');
      expect(seenByNorth.body.items.map((a) => [a.id, a.customerId, a.icao24, a.position?.lat])).toEqual([[SAS, 'norrflyg', SAS, 59.65]]);
      expect(seenBySouth.body.items.map((a) => [a.id, a.customerId, a.icao24, a.position?.lat])).toEqual([
        [`${SAS}.sydflyg`, 'sydflyg', SAS, 59.66],
      ]);
      expect([seenByNorth.body.total, seenBySouth.body.total]).toEqual([1, 1]);
      expect([seenByNorth.body.counts.online, seenBySouth.body.counts.online]).toEqual([1, 1]);
    });
  });

  it("keeps storing each feed's heartbeats for its own asset, with tracks visible to their owner only", async () => {
    for (const [customer, lat] of [
      ['norrflyg', 59.7],
      ['sydflyg', 59.71],
    ] as const) {
      expect((await readsb(customer, [{ hex: SAS, lat, lon: 17.99, seen_pos: 0 }])).json()).toEqual({
        accepted: 1,
        duplicates: 0,
        rejected: [],
      });
    }
    const from = new Date((nowSeconds() - 120) * 1000).toISOString();
    await eventually(async () => {
      const north = await get<{ points: Array<{ lat: number }> }>(`/api/v1/assets/${SAS}/track?from=${from}`, 'norrflyg');
      expect(north.body.points.map((p) => p.lat)).toEqual([59.65, 59.7]);
    });
    const south = await get<{ points: Array<{ lat: number }> }>(`/api/v1/assets/${SAS}.sydflyg/track?from=${from}`, 'sydflyg');
    expect(south.body.points.map((p) => p.lat)).toEqual([59.66, 59.71]);
    // Neither reads the other's asset.
    expect((await get(`/api/v1/assets/${SAS}/track?from=${from}`, 'sydflyg')).status).toBe(404);
    expect((await get(`/api/v1/assets/${SAS}.sydflyg`, 'norrflyg')).status).toBe(404);
  });

  it("sends each customer's live stream only the positions of its own asset", async () => {
    await test.app.listen(0, '127.0.0.1');
    const baseUrl = await test.app.getUrl();
    const south = new LiveClient(`${baseUrl}/api/v1/live`, keys['sydflygViewer']);
    try {
      await south.opened;
      await readsb('norrflyg', [{ hex: SAS, lat: 60.01, lon: 18.01, seen_pos: 0 }]);
      await readsb('sydflyg', [{ hex: SAS, lat: 60.02, lon: 18.02, seen_pos: 0 }]);
      const position = await south.next((e) => e.type === 'position' && (e.data['position'] as { lat: number }).lat === 60.02);
      expect(position.data['id']).toBe(`${SAS}.sydflyg`);
      expect(south.of('position').map((e) => e.data['id'])).not.toContain(SAS);
    } finally {
      south.close();
    }
  });
});

describe('an aircraft a customer registered by hand', () => {
  it("gets the heartbeats of the customer's feed for its ICAO address, whatever its id", async () => {
    await command('POST', '/api/v1/assets', {
      id: 'SE-RNA',
      kind: 'aircraft',
      customerId: 'sydflyg',
      icao24: '4ab0c1',
      label: 'Ambulansflyg',
    });
    const response = await readsb('sydflyg', [{ hex: '4ab0c1', lat: 63.8, lon: 20.3, seen_pos: 0 }]);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    await eventually(async () => expect((await get<AssetDto>('/api/v1/assets/SE-RNA', 'sydflyg')).body.position?.lat).toBe(63.8));
    expect((await get('/api/v1/assets/4ab0c1', 'sydflyg')).status).toBe(404);
  });

  it('once decommissioned, is neither tracked nor registered again by the feed', async () => {
    await command('DELETE', '/api/v1/assets/SE-RNA');
    const response = await readsb('sydflyg', [{ hex: '4ab0c1', lat: 63.9, lon: 20.4, seen_pos: 0 }]);
    expect(response.json()).toMatchObject({ accepted: 0, rejected: [{ index: 0, error: 'unknown_asset' }] });
    expect((await get<SearchAssetsResponse>('/api/v1/assets?q=4ab0c1', 'sydflyg')).body.total).toBe(0);
  });
});

describe("the cap on aircraft a customer's feeds register", () => {
  it('refuses new aircraft beyond it by index, and keeps tracking the aircraft already registered', async () => {
    // norrflyg's feed registered one aircraft above; the cap is 3.
    const aircraft = ['4b1001', '4b1002', '4b1003'].map((hex, i) => ({ hex, lat: 58 + i / 10, lon: 16, seen_pos: 0 }));
    const response = await readsb('norrflyg', [{ hex: SAS, lat: 59.8, lon: 18, seen_pos: 0 }, ...aircraft]);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: [
        {
          index: 3,
          error: 'limit_reached',
          details: [
            {
              field: '(item)',
              reason:
                'customer norrflyg has reached its limit of 3 aircraft registered by feeds (BEACON_FEED_AIRCRAFT_PER_CUSTOMER): ' +
                'register it by hand, or decommission aircraft no longer needed',
            },
          ],
        },
      ],
    });
    // Another customer's feed is not held to norrflyg's count.
    const south = await readsb('sydflyg', [{ hex: '4b1003', lat: 58.3, lon: 16, seen_pos: 0 }]);
    expect(south.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('makes room again when one of those aircraft is decommissioned', async () => {
    await command('DELETE', '/api/v1/assets/4b1001');
    const response = await readsb('norrflyg', [{ hex: '4b1003', lat: 58.25, lon: 16, seen_pos: 0 }]);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });
});
