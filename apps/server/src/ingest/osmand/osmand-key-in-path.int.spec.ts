import { adminHeaders, startTestApp, type TestApp } from '../../testing/test-app';

/**
 * Traccar Client set up by QR code or link keeps the server URL's path but drops its query string,
 * so a `?key=` is lost and the phone gets 401 for ever. The key may be the URL's last segment too.
 */
let test: TestApp;
let deviceKey: string;

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on' });
  await test.request({ method: 'POST', url: '/api/v1/customers', headers: adminHeaders, payload: { id: 'phones', name: 'Phones AB' } });
  await test.request({
    method: 'POST',
    url: '/api/v1/assets',
    headers: adminHeaders,
    payload: { id: 'PHONE-1', kind: 'vehicle', customerId: 'phones' },
  });
  deviceKey = (
    await test.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: adminHeaders,
      payload: { role: 'device', name: 'phone', customerId: 'phones' },
    })
  ).json<{ key: string }>().key;
});
afterAll(() => test.close());

const track = async () =>
  (await test.request({ method: 'GET', url: '/api/v1/assets/PHONE-1/track', headers: adminHeaders })).json<{ points: unknown[] }>().points
    .length;

describe('an OsmAnd report with the key in the path', () => {
  it('is recorded, from the query string (GET) and from a form body (POST)', async () => {
    const viaGet = await test.request({
      method: 'GET',
      url: `/api/v1/ingest/osmand/${deviceKey}?id=PHONE-1&lat=59.3&lon=18.1&timestamp=${Math.floor(Date.now() / 1000) - 60}`,
    });
    expect(viaGet.statusCode).toBe(200);
    const viaPost = await test.request({
      method: 'POST',
      url: `/api/v1/ingest/osmand/${deviceKey}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `id=PHONE-1&lat=59.31&lon=18.11&timestamp=${Math.floor(Date.now() / 1000) - 30}`,
    });
    expect(viaPost.statusCode).toBe(200);
    expect(await track()).toBe(2);
  });

  it('is refused with 401 for a key that is not valid, and the key is not echoed', async () => {
    const answer = await test.request({ method: 'GET', url: '/api/v1/ingest/osmand/bcn_wrong-key?id=PHONE-1&lat=59.3&lon=18.1' });
    expect(answer.statusCode).toBe(401);
    expect(answer.body).not.toContain('bcn_wrong-key');
  });

  it('still takes ?key=, also after a trailing slash', async () => {
    const answer = await test.request({ method: 'GET', url: `/api/v1/ingest/osmand/?id=PHONE-1&lat=59.32&lon=18.12&key=${deviceKey}` });
    expect(answer.statusCode).toBe(200);
  });
});
