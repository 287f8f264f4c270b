import { createTestElasticsearch, eventually, type TestElasticsearch } from '@beacon/testing';
import { adminHeaders, startTestApp, type TestApp } from '../testing/test-app';

let elasticsearch: TestElasticsearch;
let test: TestApp;
const post = (url: string, payload?: object) =>
  test.request({ method: 'POST', url, headers: adminHeaders, ...(payload ? { payload } : {}) });
const get = async (url: string) => (await test.request({ method: 'GET', url })).json();

beforeAll(async () => {
  elasticsearch = await createTestElasticsearch();
  test = await startTestApp({ BEACON_ELASTICSEARCH_URL: elasticsearch.url, BEACON_ELASTICSEARCH_INDEX_PREFIX: elasticsearch.prefix });
  await post('/api/v1/customers', { id: 'fjord', name: 'Fjord Frakt AS' });
  await post('/api/v1/assets', {
    id: 'LN-FRK',
    kind: 'aircraft',
    customerId: 'fjord',
    registration: 'LN-FRK',
    callsign: 'FJD12',
    icao24: '47a1b2',
  });
  await post('/api/v1/assets', { id: 'TRUCK-9', kind: 'vehicle', customerId: 'fjord', registration: 'EL 12345', label: 'Fish truck' });
  await post('/api/v1/assets/TRUCK-9/heartbeats', { lat: 60.39, lon: 5.32 });
}, 60_000);

afterAll(async () => {
  await test?.close();
  await elasticsearch?.dispose();
});

describe('Beacon with its read model in Elasticsearch (BEACON_ELASTICSEARCH_URL)', () => {
  it('projects commands and heartbeats into Elasticsearch and answers searches from it', async () => {
    await eventually(async () => {
      const result = await get('/api/v1/assets?q=fish');
      expect(result.items.map((a: { id: string }) => a.id)).toEqual(['TRUCK-9']);
      expect(result.items[0]).toMatchObject({ status: 'online', customerName: 'Fjord Frakt AS', position: { lat: 60.39, lon: 5.32 } });
    }, 15_000);
    expect((await get('/api/v1/assets?bbox=5,60,6,61')).total).toBe(1);
    expect((await get('/api/v1/assets/LN-FRK')).callsign).toBe('FJD12');
    const stats = await get('/api/v1/stats');
    expect(stats.readModel).toBe('elasticsearch');
    expect(stats.assets).toEqual({ total: 2, online: 1, offline: 0, unknown: 1 });
  });

  it('rebuilds on request from the admin endpoint, answering searches throughout', async () => {
    const requested = await post('/api/v1/admin/projections/assets/rebuild');
    expect(requested.statusCode).toBe(202);
    const { id } = requested.json();
    const done = await eventually(
      async () => {
        expect((await get('/api/v1/assets')).total).toBe(2);
        const rebuild = (
          await test.request({ method: 'GET', url: `/api/v1/admin/projections/assets/rebuilds/${id}`, headers: adminHeaders })
        ).json();
        expect(rebuild.status).toBe('done');
        return rebuild;
      },
      30_000,
      200,
    );
    expect(done.events).toBe(4); // a customer, two assets, one heartbeat
    expect((await get('/api/v1/assets?q=47a1b2')).items.map((a: { id: string }) => a.id)).toEqual(['LN-FRK']);
  });
});
