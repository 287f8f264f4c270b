import { Writable } from 'node:stream';
import { TEST_ADMIN_KEY, adminHeaders, startTestApp, type TestApp } from '../testing/test-app';
import { createLogger } from './create-logger';

/** The access log: one JSON line per request with the fields an operator greps for, and never a key. */
const lines: string[] = [];
let test: TestApp;
let deviceKey: string;

const records = (): Array<Record<string, unknown>> => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const accessLineOf = (reqId: string) => records().find((r) => r['msg'] === 'request' && r['reqId'] === reqId);
// pino writes on its own schedule: wait until the line is there.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeAll(async () => {
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  test = await startTestApp({ BEACON_AUTH: 'on' }, undefined, createLogger({ level: 'info', format: 'json', destination: capture }));
  await test.request({ method: 'POST', url: '/api/v1/customers', headers: adminHeaders, payload: { id: 'logged', name: 'Logged AB' } });
  await test.request({
    method: 'POST',
    url: '/api/v1/assets',
    headers: adminHeaders,
    payload: { id: 'LOG-1', kind: 'vehicle', customerId: 'logged' },
  });
  deviceKey = (
    await test.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: adminHeaders,
      payload: { role: 'device', name: 'phone', customerId: 'logged' },
    })
  ).json<{ key: string }>().key;
});
afterAll(() => test.close());

describe('the access log', () => {
  it('has a line per request with its id, route pattern, status, duration and key id', async () => {
    const response = await test.request({ method: 'GET', url: '/api/v1/assets/LOG-1', headers: adminHeaders });
    const reqId = response.headers['x-request-id'];
    expect(typeof reqId).toBe('string');
    await settle();
    expect(accessLineOf(String(reqId))).toMatchObject({
      level: 30,
      service: 'beacon',
      method: 'GET',
      route: '/api/v1/assets/:id',
      status: 200,
      ms: expect.any(Number),
      keyId: 'bootstrap-admin',
      time: expect.any(String),
    });
  });

  it('keeps a sane X-Request-Id from a proxy, and puts the id in error bodies', async () => {
    const response = await test.request({
      method: 'GET',
      url: '/api/v1/assets/NOPE',
      headers: { ...adminHeaders, 'x-request-id': 'proxy-7f3a' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('proxy-7f3a');
    expect(response.json()).toMatchObject({ error: 'unknown_asset', requestId: 'proxy-7f3a' });
    const odd = await test.request({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'a b\u00e9'.repeat(30) } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never holds a key, from a header or from the query string', async () => {
    const phone = await test.request({ method: 'GET', url: `/api/v1/ingest/osmand?id=LOG-1&lat=59.3&lon=18.1&key=${deviceKey}` });
    expect(phone.statusCode).toBe(200);
    await test.request({ method: 'GET', url: '/api/v1/customers', headers: { authorization: 'Bearer bcn_not-a-real-key' } });
    await settle();
    const osmand = accessLineOf(String(phone.headers['x-request-id']));
    expect(osmand).toMatchObject({ route: '/api/v1/ingest/osmand', status: 200, keyId: expect.any(String) });
    const everything = lines.join('\n');
    expect(everything).not.toContain(deviceKey);
    expect(everything).not.toContain(TEST_ADMIN_KEY);
    expect(everything).not.toContain('bcn_not-a-real-key');
  });

  it('never holds a live ticket, of a stream it opened or of one it could not', async () => {
    const issued = await test.request({ method: 'POST', url: '/api/v1/live/tickets', headers: adminHeaders });
    const { ticket } = issued.json<{ ticket: string }>();
    await test.app.listen(0, '127.0.0.1');
    const url = `${await test.app.getUrl()}/api/v1/live?customerId=logged&ticket=${encodeURIComponent(ticket)}`;
    const stream = new AbortController();
    const opened = await fetch(url, { signal: stream.signal });
    expect(opened.status).toBe(200);
    stream.abort();
    const refused = await fetch(`${url.slice(0, -10)}AAAAAAAAAA`); // the same ticket with another tag
    expect(refused.status).toBe(401);
    await settle();
    const everything = lines.join('\n');
    expect(accessLineOf(String(refused.headers.get('x-request-id')))).toMatchObject({ route: '/api/v1/live', status: 401 });
    expect(everything).toContain('"route":"/api/v1/live/tickets"');
    for (const part of [ticket, ticket.split('.').at(-1) ?? ticket, 'AAAAAAAAAA']) expect(everything).not.toContain(part);
  });
});
