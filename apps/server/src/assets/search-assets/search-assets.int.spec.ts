import { eventually } from '@beacon/testing';
import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

let test: TestApp;
const post = (url: string, payload: object) => test.request({ method: 'POST', url, headers: adminHeaders, payload });
const search = async (query: string) => (await test.request({ method: 'GET', url: `/api/v1/assets?${query}` })).json();

beforeAll(async () => {
  test = await startTestApp();
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
