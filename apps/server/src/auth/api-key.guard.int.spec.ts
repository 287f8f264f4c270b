import { adminHeaders, startTestApp, type TestApp } from '../testing/test-app';

let test: TestApp;

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on' });
});
afterAll(() => test.close());

describe('API keys with BEACON_AUTH=on', () => {
  it('refuses reads without a key and accepts the admin key as Bearer or X-Api-Key', async () => {
    const none = await test.request({ method: 'GET', url: '/api/v1/assets' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('unauthorized');
    expect((await test.request({ method: 'GET', url: '/api/v1/assets', headers: adminHeaders })).statusCode).toBe(200);
    const apiKey = { 'x-api-key': adminHeaders.authorization.replace('Bearer ', '') };
    expect((await test.request({ method: 'GET', url: '/api/v1/customers', headers: apiKey })).statusCode).toBe(200);
  });

  it('keeps the health checks public', async () => {
    expect((await test.request({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await test.request({ method: 'GET', url: '/health/ready' })).json()).toEqual({ status: 'ok' });
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await test.request({ method: 'GET', url: '/api/v1/nothing-here', headers: adminHeaders });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('not_found');
  });
});
