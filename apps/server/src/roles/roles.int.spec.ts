import { adminHeaders, migratedTestDatabase, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

/** `BEACON_ROLES` decides which routes a process serves, the Fastify-native ping included (decision 018). */
describe('routes by role', () => {
  let ingest: TestApp;
  let query: TestApp;

  beforeAll(async () => {
    const database = await migratedTestDatabase();
    ingest = await startTestApp({ BEACON_ROLES: 'ingest' }, database);
    query = await startTestApp({ BEACON_ROLES: 'query' }, database);
    await registerVehicle(ingest, 'ROLE-1');
  });
  afterAll(async () => {
    await query.close({ drop: false });
    await ingest.close();
  });

  const ping = (app: TestApp) =>
    app.request({ method: 'POST', url: '/api/v1/assets/ROLE-1/heartbeats', headers: adminHeaders, payload: { lat: 59.3, lon: 18.1 } });

  it('stores pings on an ingest process', async () => {
    const response = await ping(ingest);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('has no ping or batch route on a query process, and answers 404 with the JSON error body', async () => {
    for (const response of [
      await ping(query),
      await query.request({ method: 'POST', url: '/api/v1/heartbeats', headers: adminHeaders, payload: [] }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toBe('not_found');
    }
  });

  it('serves searches on a query process and not on an ingest process', async () => {
    expect((await query.request({ method: 'GET', url: '/api/v1/assets', headers: adminHeaders })).statusCode).toBe(200);
    // The ingest process has the path for registering assets only.
    const onIngest = await ingest.request({ method: 'GET', url: '/api/v1/assets', headers: adminHeaders });
    expect({ status: onIngest.statusCode, allow: onIngest.headers['allow'] }).toEqual({ status: 405, allow: 'POST' });
  });
});
