import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../../testing/test-app';

/** `GET /api/v1/me`: who the presented key is, as the dashboard asks after sign-in. */
let test: TestApp;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const me = (headers: Record<string, string> = {}) => test.request({ method: 'GET', url: '/api/v1/me', headers });

async function issue(payload: object): Promise<string> {
  const response = await test.request({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload });
  if (response.statusCode !== 201) throw new Error(`issuing a key: ${response.statusCode} ${response.body}`);
  return response.json<{ key: string }>().key;
}

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on' });
  await registerVehicle(test, 'ME-1', 'acme');
});
afterAll(() => test.close());

describe('GET /api/v1/me', () => {
  it('answers the bootstrap admin key as an unscoped admin without a name', async () => {
    const response = await me(adminHeaders);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ role: 'admin', customerId: null, customerName: null, keyName: null });
  });

  it('answers an issued admin key with the name it was issued with', async () => {
    const key = await issue({ role: 'admin', name: 'ops laptop' });
    expect((await me(bearer(key))).json()).toEqual({ role: 'admin', customerId: null, customerName: null, keyName: 'ops laptop' });
  });

  it("answers a scoped viewer with its customer's id and name", async () => {
    const key = await issue({ role: 'viewer', name: 'acme wall screen', customerId: 'acme' });
    const response = await me(bearer(key));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ role: 'viewer', customerId: 'acme', customerName: 'acme AB', keyName: 'acme wall screen' });
  });

  it('answers an unscoped viewer, and refuses a device key with 403', async () => {
    const viewer = await issue({ role: 'viewer', name: 'all customers' });
    expect((await me(bearer(viewer))).json()).toEqual({ role: 'viewer', customerId: null, customerName: null, keyName: 'all customers' });
    const device = await me(bearer(await issue({ role: 'device', name: 'phone' })));
    expect(device.statusCode).toBe(403);
    expect(device.json().error).toBe('forbidden');
  });

  it('refuses no key, an unknown key and a revoked one with 401 and the JSON error body', async () => {
    const issued = (
      await test.request({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload: { role: 'viewer', name: 'gone' } })
    ).json<{ id: string; key: string }>();
    expect((await me(bearer(issued.key))).statusCode).toBe(200);
    await test.request({ method: 'DELETE', url: `/api/v1/api-keys/${issued.id}`, headers: adminHeaders });
    for (const headers of [{}, bearer('bcn_not-a-key-at-all'), bearer(issued.key)]) {
      const response = await me(headers);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String), requestId: expect.any(String) });
    }
  });
});

describe('GET /api/v1/me with BEACON_AUTH=off', () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await startTestApp({ BEACON_AUTH: 'off' });
  });
  afterAll(() => open.close());

  it('answers the anonymous reader without a key, and the key when one is sent', async () => {
    const anonymous = await open.request({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ role: 'viewer', customerId: null, customerName: null, keyName: null });
    expect((await open.request({ method: 'GET', url: '/api/v1/me', headers: adminHeaders })).json()).toMatchObject({ role: 'admin' });
  });
});
