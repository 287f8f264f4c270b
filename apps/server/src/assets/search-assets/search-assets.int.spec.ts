import { eventually } from '@beacon/testing';
import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

let test: TestApp;
const post = (url: string, payload: object) => test.request({ method: 'POST', url, headers: adminHeaders, payload });
const search = async (query: string) => (await test.request({ method: 'GET', url: `/api/v1/assets?${query}` })).json();

beforeAll(async () => {
  // The track below is written at fixed times (2026-11-25); heartbeats of any age are accepted here.
  test = await startTestApp({ BEACON_HEARTBEAT_MAX_AGE_DAYS: '1000000' });
  await post('/api/v1/customers', { id: 'kalles', name: 'Kalles Grustransporter AB', address: 'Cementvägen 8' });
  await post('/api/v1/customers', { id: 'johans', name: 'Johans Bulk AB' });
  await post('/api/v1/assets', { id: 'VIN-A', kind: 'vehicle', customerId: 'kalles', registration: 'ABC123' });
  await post('/api/v1/assets', { id: 'VIN-B', kind: 'vehicle', customerId: 'kalles', registration: 'DEF456' });
  await post('/api/v1/assets', { id: 'VIN-C', kind: 'vehicle', customerId: 'johans', registration: 'JKL012', timeoutSeconds: 1 });
  await post('/api/v1/assets/VIN-A/heartbeats', { lat: 59.2, lon: 17.6 });
  await post('/api/v1/assets/VIN-C/heartbeats', { timestamp: new Date(Date.now() - 10_000).toISOString() });
  await eventually(async () => expect((await search('')).counts).toEqual({ online: 1, offline: 1, unknown: 1 }));
});
afterAll(() => test.close());

const ids = (result: { items: { id: string }[] }) => result.items.map((i) => i.id);

describe('GET /api/v1/assets', () => {
  it('lists every asset with its customer name, sorted by registration', async () => {
    const result = await search('');
    expect(ids(result)).toEqual(['VIN-A', 'VIN-B', 'VIN-C']);
    expect(result.total).toBe(3);
    expect(result.items[0]).toMatchObject({ customerName: 'Kalles Grustransporter AB', registration: 'ABC123', status: 'online' });
  });

  it('filters by customer and counts only that customer', async () => {
    const result = await search('customerId=kalles');
    expect(ids(result)).toEqual(['VIN-A', 'VIN-B']);
    expect(result.counts).toEqual({ online: 1, offline: 0, unknown: 1 });
  });

  it('filters by status computed at query time, keeping the counts of the whole filter', async () => {
    expect(ids(await search('status=online'))).toEqual(['VIN-A']);
    expect(ids(await search('status=offline'))).toEqual(['VIN-C']);
    const unknown = await search('status=unknown');
    expect(ids(unknown)).toEqual(['VIN-B']);
    expect(unknown.total).toBe(1);
    expect(unknown.counts).toEqual({ online: 1, offline: 1, unknown: 1 });
  });

  it('finds assets by text in registration, id or customer name, case-insensitively', async () => {
    expect(ids(await search('q=def4'))).toEqual(['VIN-B']);
    expect(ids(await search('q=johans'))).toEqual(['VIN-C']);
    expect(ids(await search('q=vin-a'))).toEqual(['VIN-A']);
    expect(ids(await search('q=100%25'))).toEqual([]);
  });

  it('refuses an unknown status or a limit above 1000 with 400', async () => {
    for (const query of ['status=sleeping', 'limit=5000', 'limit=abc', 'colour=red']) {
      const response = await test.request({ method: 'GET', url: `/api/v1/assets?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toBe('invalid_request');
    }
  });

  it('answers one asset by id, and 404 for an unknown one', async () => {
    expect((await test.request({ method: 'GET', url: '/api/v1/assets/VIN-A' })).json().position).toMatchObject({ lat: 59.2, lon: 17.6 });
    const missing = await test.request({ method: 'GET', url: '/api/v1/assets/VIN-Z' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('unknown_asset');
  });

  it('lists customers with their asset counts', async () => {
    const response = await test.request({ method: 'GET', url: '/api/v1/customers' });
    expect(response.json().items).toEqual([
      { id: 'johans', name: 'Johans Bulk AB', address: null, assetCount: 1 },
      { id: 'kalles', name: 'Kalles Grustransporter AB', address: 'Cementvägen 8', assetCount: 2 },
    ]);
  });
});

describe('GET /api/v1/assets: map, order and pages', () => {
  it('filters by a bounding box of minLon,minLat,maxLon,maxLat', async () => {
    expect(ids(await search('bbox=17,59,18,60'))).toEqual(['VIN-A']);
    expect(ids(await search('bbox=10,50,11,51'))).toEqual([]);
  });

  it('sorts by a field and direction, assets never seen last', async () => {
    expect(ids(await search('sort=registration:desc'))).toEqual(['VIN-C', 'VIN-B', 'VIN-A']);
    expect(ids(await search('sort=lastSeenAt:desc'))).toEqual(['VIN-A', 'VIN-C', 'VIN-B']);
  });

  it('pages with the opaque cursor of the previous page', async () => {
    const first = await search('limit=2');
    expect(ids(first)).toEqual(['VIN-A', 'VIN-B']);
    expect(first.total).toBe(3);
    const second = await search(`limit=2&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    expect(ids(second)).toEqual(['VIN-C']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a malformed bbox, sort or cursor with 400 naming the field', async () => {
    for (const [query, field] of [
      ['bbox=1,2,3', 'bbox'],
      ['bbox=20,59,18,60', 'bbox'],
      ['bbox=17,-95,18,60', 'bbox'],
      ['sort=colour', 'sort'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ]) {
      const response = await test.request({ method: 'GET', url: `/api/v1/assets?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().details).toEqual([expect.objectContaining({ field })]);
    }
  });
});

describe('GET /api/v1/assets/:id/track', () => {
  it('answers the positions of an asset in a time window, oldest first', async () => {
    await post('/api/v1/assets/VIN-B/heartbeats', { lat: 59.3, lon: 18.0, timestamp: '2026-11-25T09:00:00Z' });
    await post('/api/v1/assets/VIN-B/heartbeats', { lat: 59.31, lon: 18.01, timestamp: '2026-11-25T09:00:10Z' });
    await post('/api/v1/assets/VIN-B/heartbeats', { lat: 59.32, lon: 18.02, timestamp: '2026-11-25T09:00:20Z' });
    const track = await test.request({
      method: 'GET',
      url: '/api/v1/assets/VIN-B/track?from=2026-11-25T09:00:05Z&to=2026-11-25T10:00:00Z',
    });
    expect(track.statusCode).toBe(200);
    expect(track.json().points.map((p: { timestamp: string }) => p.timestamp)).toEqual([
      '2026-11-25T09:00:10.000Z',
      '2026-11-25T09:00:20.000Z',
    ]);
  });

  it('answers a window of more than 10,000 positions over all of it, thinned and saying so, its newest position last', async () => {
    // A day at one position every 6 s: 14,400 positions, more than a read model returns for one track.
    const start = Date.parse('2026-11-20T00:00:00Z');
    const day = Array.from({ length: 14_400 }, (_, i) => ({
      assetId: 'VIN-C',
      timestamp: new Date(start + i * 6_000).toISOString(),
      lat: 59 + i * 1e-5,
      lon: 18 + (i % 2) * 1e-3, // a zig-zag, so every point matters to the shape
    }));
    for (let at = 0; at < day.length; at += 7_200)
      expect((await post('/api/v1/heartbeats', day.slice(at, at + 7_200))).statusCode).toBe(202);
    const response = await test.request({
      method: 'GET',
      url: '/api/v1/assets/VIN-C/track?from=2026-11-20T00:00:00Z&to=2026-11-20T23:59:59.999Z&maxPoints=500',
    });
    const track = response.json<{ points: { timestamp: string }[]; thinned: boolean }>();
    expect(track.thinned).toBe(true);
    expect(track.points.length).toBeLessThanOrEqual(500);
    expect(track.points.at(-1)?.timestamp).toBe(day.at(-1)?.timestamp);
    expect(Date.parse(track.points[0]?.timestamp ?? '')).toBeLessThan(start + 60 * 60_000); // and it starts within the first hour

    const whole = await test.request({
      method: 'GET',
      url: '/api/v1/assets/VIN-B/track?from=2026-11-25T09:00:00Z&to=2026-11-25T10:00:00Z',
    });
    expect(whole.json()).toMatchObject({ thinned: false });
  }, 60_000);

  it('refuses a window that ends before it starts, and answers 404 for an unknown asset', async () => {
    const backwards = await test.request({
      method: 'GET',
      url: '/api/v1/assets/VIN-B/track?from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    const unknown = await test.request({ method: 'GET', url: '/api/v1/assets/NOPE/track' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('unknown_asset');
  });
});

describe('GET /api/v1/stats', () => {
  it('counts the fleet by status and names the read model', async () => {
    const stats = (await test.request({ method: 'GET', url: '/api/v1/stats' })).json();
    expect(stats.assets).toEqual({ total: 3, online: expect.any(Number), offline: expect.any(Number), unknown: expect.any(Number) });
    expect(stats.assets.online + stats.assets.offline + stats.assets.unknown).toBe(3);
    expect(stats.events.total).toBeGreaterThanOrEqual(9);
    expect(stats.readModel).toBe('postgres');
    expect(stats.projection.lagMs).toBeGreaterThanOrEqual(0);
    expect(stats.ingest.perSecond).toBeGreaterThanOrEqual(0);
  });
});
