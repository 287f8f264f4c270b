import { eventually } from '@beacon/testing';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

let test: TestApp;
const keys: Record<string, Record<string, string>> = {};
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const issue = async (role: string, customerId?: string) =>
  (
    await test.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: adminHeaders,
      payload: { role, name: `${role} key`, ...(customerId ? { customerId } : {}) },
    })
  ).json().key as string;

beforeAll(async () => {
  // Invalid keys are most of this matrix: the per-address limit on them (tested on its own) stays out of the way.
  test = await startTestApp({ BEACON_AUTH: 'on', BEACON_AUTH_FAILURES_PER_MINUTE: '100000' });
  await registerVehicle(test, 'OWN-1', 'own');
  await registerVehicle(test, 'OTHER-1', 'other');
  keys['admin'] = adminHeaders;
  keys['viewer'] = bearer(await issue('viewer'));
  keys['scopedViewer'] = bearer(await issue('viewer', 'own'));
  keys['device'] = bearer(await issue('device'));
  keys['scopedDevice'] = bearer(await issue('device', 'own'));
  keys['none'] = {};
  keys['wrong'] = bearer('bcn_not-a-key-at-all');
  // An admin key revoked, and one expired: refused like a key never issued, everywhere.
  const revoked = (
    await test.request({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload: { role: 'admin', name: 'revoked' } })
  ).json<{ id: string; key: string }>();
  await test.request({ method: 'DELETE', url: `/api/v1/api-keys/${revoked.id}`, headers: adminHeaders });
  keys['revoked'] = bearer(revoked.key);
  const expiresAt = new Date(Date.now() + 1000).toISOString();
  keys['expired'] = bearer(
    (
      await test.request({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: adminHeaders,
        payload: { role: 'admin', name: 'expired', expiresAt },
      })
    ).json<{ key: string }>().key,
  );
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await eventually(async () =>
    expect((await test.request({ method: 'GET', url: '/api/v1/assets', headers: adminHeaders })).json().total).toBe(2),
  );
});
afterAll(() => test.close());

/** Every role against every kind of endpoint, with its own and another customer's asset. */
const matrix: [string, string, string, Record<string, number>][] = [
  ['GET', '/api/v1/assets', '', { admin: 200, viewer: 200, scopedViewer: 200, device: 403, scopedDevice: 403, none: 401, wrong: 401 }],
  ['GET', '/api/v1/assets/OWN-1', '', { admin: 200, viewer: 200, scopedViewer: 200, device: 403, scopedDevice: 403, none: 401 }],
  ['GET', '/api/v1/assets/OTHER-1', '', { admin: 200, viewer: 200, scopedViewer: 404, device: 403, scopedDevice: 403, none: 401 }],
  ['GET', '/api/v1/assets/OWN-1/track', '', { admin: 200, viewer: 200, scopedViewer: 200, device: 403, scopedDevice: 403, none: 401 }],
  ['GET', '/api/v1/assets/OTHER-1/track', '', { admin: 200, viewer: 200, scopedViewer: 404, device: 403, none: 401 }],
  ['GET', '/api/v1/stats', '', { admin: 200, viewer: 200, scopedViewer: 200, device: 403, scopedDevice: 403, none: 401 }],
  // 400 for an admin: this app's read model is PostgreSQL, which has no zero-downtime rebuild.
  ['POST', '/api/v1/admin/projections/assets/rebuild', '', { admin: 400, viewer: 403, scopedViewer: 403, device: 403, none: 401 }],
  [
    'GET',
    '/api/v1/admin/projections/assets-read-model/dead-letters',
    '',
    { admin: 200, viewer: 403, scopedViewer: 403, device: 403, none: 401 },
  ],
  [
    'POST',
    '/api/v1/admin/projections/assets-read-model/dead-letters/retry',
    '',
    { admin: 202, viewer: 403, scopedViewer: 403, device: 403, none: 401 },
  ],
  ['GET', '/api/v1/customers', '', { admin: 200, viewer: 200, scopedViewer: 200, device: 403, none: 401 }],
  [
    'POST',
    '/api/v1/assets/OWN-1/heartbeats',
    '{}',
    { admin: 202, viewer: 403, scopedViewer: 403, device: 202, scopedDevice: 202, none: 401 },
  ],
  ['POST', '/api/v1/assets/OTHER-1/heartbeats', '{}', { admin: 202, device: 202, scopedDevice: 403, viewer: 403, none: 401 }],
  [
    'POST',
    '/api/v1/customers',
    '{"name":"New AB"}',
    { admin: 201, viewer: 403, scopedViewer: 403, device: 403, scopedDevice: 403, none: 401 },
  ],
  ['POST', '/api/v1/api-keys', '{"role":"viewer","name":"x"}', { admin: 201, viewer: 403, device: 403, scopedDevice: 403, none: 401 }],
  ['DELETE', '/api/v1/assets/NOT-THERE', '', { admin: 404, viewer: 403, scopedViewer: 403, device: 403, none: 401 }],
  // 400 for an admin: the request has no If-Match; what matters here is who gets that far.
  ['PATCH', '/api/v1/assets/NOT-THERE', '{"label":"x"}', { admin: 400, viewer: 403, device: 403, none: 401 }],
  ['GET', '/api/v1/api-keys', '', { admin: 200, viewer: 403, scopedViewer: 403, device: 403, none: 401 }],
  ['DELETE', '/api/v1/api-keys/not-a-key-id', '', { admin: 404, viewer: 403, device: 403, none: 401 }],
  ['POST', '/api/v1/heartbeats', '[{"assetId":"OWN-1"}]', { admin: 202, device: 202, scopedDevice: 202, viewer: 403, none: 401 }],
  ['GET', '/api/v1/ingest/osmand?id=OWN-1&lat=59&lon=18', '', { admin: 200, device: 200, scopedDevice: 200, viewer: 403, none: 401 }],
  ['POST', '/api/v1/ingest/readsb?customerId=own', '{"now":0,"aircraft":[]}', { admin: 202, scopedDevice: 202, viewer: 403, none: 401 }],
  ['POST', '/api/v1/ingest/opensky?customerId=own', '{"time":0,"states":[]}', { admin: 202, scopedDevice: 202, viewer: 403, none: 401 }],
  // The live stream: only refusals here (an accepted stream does not end; live.int.spec.ts reads it).
  ['GET', '/api/v1/live', '', { device: 403, scopedDevice: 403, none: 401 }],
  ['POST', '/api/v1/live/tickets', '', { admin: 201, viewer: 201, scopedViewer: 201, device: 403, scopedDevice: 403, none: 401 }],
  ['GET', '/api/v1/me', '', { admin: 200, viewer: 200, scopedViewer: 200, device: 403, scopedDevice: 403, none: 401 }],
  ['GET', '/metrics', '', { admin: 200, viewer: 403, scopedViewer: 403, device: 403, none: 401 }],
  ['GET', '/api/openapi.json', '', { admin: 200, none: 200, wrong: 200, revoked: 200 }],
  ['GET', '/health/ready', '', { admin: 200, none: 200, wrong: 200 }],
];
// Every route that needs a key refuses an unknown, a revoked and an expired one alike.
for (const [, , , expected] of matrix) {
  if (expected['none'] === 401) Object.assign(expected, { wrong: 401, revoked: 401, expired: 401 });
}

describe('access by role and customer scope', () => {
  for (const [method, url, payload, expected] of matrix) {
    for (const [who, status] of Object.entries(expected)) {
      it(`${method} ${url} as ${who} → ${status}`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 2)); // distinct receive times: no ping is a duplicate
        const response = await test.request({
          method: method as 'GET',
          url,
          headers: { ...keys[who], ...(payload ? { 'content-type': 'application/json' } : {}) },
          ...(payload ? { payload } : {}),
        });
        expect(response.statusCode).toBe(status);
      });
    }
  }

  it('shows a scoped viewer only its own customer in search and customers', async () => {
    const search = (await test.request({ method: 'GET', url: '/api/v1/assets', headers: keys['scopedViewer'] })).json();
    expect(search.items.map((a: { id: string }) => a.id)).toEqual(['OWN-1']);
    const other = (await test.request({ method: 'GET', url: '/api/v1/assets?customerId=other', headers: keys['scopedViewer'] })).json();
    expect(other.total).toBe(0);
    const customers = (await test.request({ method: 'GET', url: '/api/v1/customers', headers: keys['scopedViewer'] })).json();
    expect(customers.items.map((c: { id: string }) => c.id)).toEqual(['own']);
  });

  it('refuses a scoped device key the heartbeats of another customer inside a batch, item by item', async () => {
    const response = await test.request({
      method: 'POST',
      url: '/api/v1/heartbeats',
      headers: keys['scopedDevice'],
      payload: [
        { assetId: 'OWN-1', messageId: 'b-1' },
        { assetId: 'OTHER-1', messageId: 'b-2' },
      ],
    });
    expect(response.json()).toMatchObject({ accepted: 1, rejected: [{ index: 1, error: 'forbidden' }] });
  });

  it('stores no key in the clear: the log holds only digests', async () => {
    const key = await issue('viewer');
    const { Client } = await import('pg');
    const client = new Client({ connectionString: test.databaseUrl });
    await client.connect();
    const found = await client.query(`SELECT count(*)::int AS n FROM events WHERE data::text LIKE $1`, [`%${key}%`]);
    await client.end();
    expect(found.rows[0].n).toBe(0);
  });
});
