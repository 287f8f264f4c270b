import type { Pool } from 'pg';
import { eventually } from '@beacon/testing';
import { PG_POOL } from '../../config/config.tokens';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../../testing/test-app';

let test: TestApp;
const VIN = 'YS2R4X20005399401';
const ping = (body?: unknown, headers: Record<string, string> = {}) =>
  test.request({
    method: 'POST',
    url: `/api/v1/assets/${VIN}/heartbeats`,
    headers: { ...adminHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
const getAsset = async () => (await test.request({ method: 'GET', url: `/api/v1/assets/${VIN}` })).json();

beforeAll(async () => {
  test = await startTestApp();
  await registerVehicle(test, VIN);
});
afterAll(() => test.close());

describe('POST /api/v1/assets/:id/heartbeats', () => {
  it('turns a registered vehicle from unknown to online within 2 s of a bare ping', async () => {
    await eventually(async () => expect((await getAsset()).status).toBe('unknown'));
    const response = await ping();
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    await eventually(async () => expect((await getAsset()).status).toBe('online'), 2_000);
  });

  it('stores the position in SI units and shows it as the latest position', async () => {
    const timestamp = new Date(Date.now() - 1_000).toISOString();
    expect((await ping({ timestamp, lat: 59.3293, lon: 18.0686, speed: 13.9, heading: 271.5 })).statusCode).toBe(202);
    await eventually(async () =>
      expect((await getAsset()).position).toEqual({ lat: 59.3293, lon: 18.0686, altitude: null, speed: 13.9, heading: 271.5, timestamp }),
    );
  });

  it('never moves the latest position backwards for a heartbeat that arrives late', async () => {
    const before = (await getAsset()).position;
    const older = new Date(Date.parse(before.timestamp) - 60_000).toISOString();
    expect((await ping({ timestamp: older, lat: 10, lon: 10 })).statusCode).toBe(202);
    // The projection follows the log in order: once a later marker shows, the late one was applied.
    const marker = new Date().toISOString();
    await ping({ timestamp: marker });
    await eventually(async () => expect((await getAsset()).lastSeenAt).toBe(marker));
    expect((await getAsset()).position).toEqual(before);
  });

  it("keeps the caller's X-Correlation-Id in the heartbeat's metadata, else the request's id", async () => {
    const sql = 'SELECT correlation_id FROM heartbeats WHERE asset_id = $1 AND message_id = $2';
    const correlationOf = async (messageId: string) => {
      const stored = await test.app.get<Pool>(PG_POOL).query<{ correlation_id: string }>(sql, [VIN, messageId]);
      return stored.rows.map((row) => row.correlation_id);
    };
    await ping({ messageId: 'traced' }, { 'x-correlation-id': 'trace:4711' });
    expect(await correlationOf('traced')).toEqual(['trace:4711']);
    const untraced = await ping({ messageId: 'untraced' });
    expect(untraced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await correlationOf('untraced')).toEqual([untraced.headers['x-request-id']]);
  });

  it('stores a re-sent message once and reports it as a duplicate', async () => {
    expect((await ping({ messageId: 'msg-1' })).json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect((await ping({ messageId: 'msg-1' })).json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });

  it.each([
    ['malformed JSON', '{"lat": 59.3,', 400, 'invalid_request', undefined],
    ['a latitude out of range', { lat: 200, lon: 18 }, 400, 'invalid_request', 'lat'],
    ['a string longitude', { lat: 59, lon: 'east' }, 400, 'invalid_request', 'lon'],
    ['a latitude without a longitude', { lat: 59 }, 400, 'invalid_request', 'lon'],
    ['a negative speed', { speed: -1 }, 400, 'invalid_request', 'speed'],
    ['a heading of 360', { heading: 360 }, 400, 'invalid_request', 'heading'],
    ['an unknown field', { latitude: 59 }, 400, 'invalid_request', 'latitude'],
    ['a timestamp that is not ISO-8601', { timestamp: 'yesterday' }, 400, 'invalid_request', 'timestamp'],
    ['a timestamp an hour ahead', { timestamp: new Date(Date.now() + 3_600_000).toISOString() }, 400, 'invalid_request', 'timestamp'],
  ])('refuses %s with a JSON error naming the field', async (_name, body, status, error, field) => {
    const response = await ping(body);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const json = response.json();
    expect(json.error).toBe(error);
    expect(typeof json.message).toBe('string');
    if (field) expect(json.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 404 unknown_asset for an asset that was never registered', async () => {
    const response = await test.request({ method: 'POST', url: '/api/v1/assets/NO-SUCH-VIN/heartbeats', headers: adminHeaders });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('unknown_asset');
  });

  it('refuses a 10 MB body with 413 and a non-JSON body with 415, and keeps serving', async () => {
    const huge = await ping(`{"messageId":"${'x'.repeat(10 * 1024 * 1024)}"}`);
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('payload_too_large');
    const plain = await test.request({
      method: 'POST',
      url: `/api/v1/assets/${VIN}/heartbeats`,
      headers: { ...adminHeaders, 'content-type': 'text/plain' },
      payload: 'lat=59',
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.json().error).toBe('unsupported_media_type');
    expect((await ping({ messageId: 'after-the-storm' })).statusCode).toBe(202);
  });

  it('refuses a write without a key, or with a wrong one, with 401', async () => {
    const none = await test.request({ method: 'POST', url: `/api/v1/assets/${VIN}/heartbeats` });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('unauthorized');
    const wrong = await ping(undefined, { authorization: 'Bearer not-the-admin-key' });
    expect(wrong.statusCode).toBe(401);
  });
});
