import { eventually } from '@beacon/testing';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../../testing/test-app';

let test: TestApp;
const patch = (payload: object, ifMatch?: string) =>
  test.request({
    method: 'PATCH',
    url: '/api/v1/assets/VIN-P',
    headers: { ...adminHeaders, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    payload,
  });
const asset = async () => (await test.request({ method: 'GET', url: '/api/v1/assets/VIN-P' })).json();

beforeAll(async () => {
  test = await startTestApp();
  await registerVehicle(test, 'VIN-P', 'first');
  await registerVehicle(test, 'VIN-Q', 'second');
});
afterAll(() => test.close());

describe('PATCH and DELETE /api/v1/assets/:id', () => {
  it('changes an asset at the version the client saw, and refuses a stale version with 409', async () => {
    const changed = await patch({ label: 'Tipper', timeoutSeconds: 120, customerId: 'second' }, '1');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ id: 'VIN-P', version: 4 });
    await eventually(async () =>
      expect(await asset()).toMatchObject({
        label: 'Tipper',
        timeoutSeconds: 120,
        customerId: 'second',
        customerName: 'second AB',
        version: 4,
      }),
    );
    const stale = await patch({ label: 'Other' }, '"1"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('version_conflict');
  });

  it('needs If-Match, and a body with at least one known field', async () => {
    expect((await patch({ label: 'x' })).json().details[0].field).toBe('If-Match');
    expect((await patch({}, '4')).statusCode).toBe(400);
    expect((await patch({ colour: 'red' }, '4')).statusCode).toBe(400);
  });

  it('reads If-Match as the OpenAPI document states it (`4`, `"4"`, `W/"4"`), and nothing else as a version', async () => {
    // Each of these is a number to JavaScript's Number(), and was once taken as a version.
    for (const ifMatch of ['0x4', '4.0', '+4', '4e0', '"4', '04', '9007199254740993']) {
      const answer = await patch({ label: 'x' }, ifMatch);
      expect({ ifMatch, status: answer.statusCode, field: answer.json().details?.[0]?.field }).toEqual({
        ifMatch,
        status: 400,
        field: 'If-Match',
      });
    }
    for (const ifMatch of ['1', '"1"', 'W/"1"']) expect((await patch({ label: 'x' }, ifMatch)).statusCode).toBe(409);
  });

  it('decommissions: the asset leaves search, its heartbeats are refused as unknown_asset', async () => {
    const ping = () => test.request({ method: 'POST', url: '/api/v1/assets/VIN-P/heartbeats', headers: adminHeaders });
    expect((await ping()).statusCode).toBe(202);
    expect((await test.request({ method: 'DELETE', url: '/api/v1/assets/VIN-P', headers: adminHeaders })).statusCode).toBe(200);
    const refused = await ping();
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error).toBe('unknown_asset');
    await eventually(async () => expect((await test.request({ method: 'GET', url: '/api/v1/assets/VIN-P' })).statusCode).toBe(404));
    expect((await test.request({ method: 'DELETE', url: '/api/v1/assets/VIN-P', headers: adminHeaders })).statusCode).toBe(404);
  });
});
