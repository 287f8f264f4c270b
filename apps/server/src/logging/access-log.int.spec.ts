import { Writable } from 'node:stream';
import { TEST_ADMIN_KEY, adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';
import { createLogger } from './create-logger';

/**
 * The access log: one JSON line per request with the fields an operator greps for, and never a key;
 * device routes' answered requests summarised instead (decision 051).
 */
const lines: string[] = [];
let test: TestApp;
let deviceKey: string;

const records = (): Array<Record<string, unknown>> => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const accessLineOf = (reqId: string) => records().find((r) => r['msg'] === 'request' && r['reqId'] === reqId);
const summariesOf = (route: string) => records().filter((r) => r['msg'] === 'requests summarised' && r['route'] === route);
// pino writes on its own schedule: wait until the line is there.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const PING_ROUTE = '/api/v1/assets/:id/heartbeats';

/** A logger whose lines land in `into`, one string each. */
function capturingLogger(level: string, into: string[]) {
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return createLogger({ level, format: 'json', destination: capture });
}

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on', BEACON_ACCESS_SUMMARY_SECONDS: '1' }, undefined, capturingLogger('info', lines));
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
    // Refused for its position: a device route's failure has a line of its own.
    const phone = await test.request({ method: 'GET', url: `/api/v1/ingest/osmand?id=LOG-1&lat=95&lon=18.1&key=${deviceKey}` });
    expect(phone.statusCode).toBe(400);
    await test.request({ method: 'GET', url: '/api/v1/customers', headers: { authorization: 'Bearer bcn_not-a-real-key' } });
    await settle();
    const osmand = accessLineOf(String(phone.headers['x-request-id']));
    expect(osmand).toMatchObject({ route: '/api/v1/ingest/osmand', status: 400, keyId: expect.any(String) });
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

  it('summarises the answered requests of device routes: a line per route and interval, failures alone', async () => {
    const ping = (lat: number) =>
      test.request({
        method: 'POST',
        url: '/api/v1/assets/LOG-1/heartbeats',
        headers: { authorization: `Bearer ${deviceKey}` },
        payload: { lat, lon: 18.1, timestamp: new Date(Date.now() - 1000 * lat).toISOString() },
      });
    const answers = [await ping(59.1), await ping(59.2), await ping(91)];
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 400]);
    // A phone's report, the other kind of device route.
    const phone = await test.request({ method: 'GET', url: `/api/v1/ingest/osmand?id=LOG-1&lat=59.4&lon=18.1&key=${deviceKey}` });
    expect(phone.statusCode).toBe(200);
    // The summary comes within its interval (1 s here); an interval may have ended between the pings.
    const summarised = () => summariesOf(PING_ROUTE).reduce((sum, line) => sum + Number(line['requests']), 0);
    const deadline = Date.now() + 5000;
    while (summarised() < 3 && Date.now() < deadline) await settle();
    expect(answers.slice(0, 2).map((a) => accessLineOf(String(a.headers['x-request-id'])))).toEqual([undefined, undefined]);
    expect(accessLineOf(String(answers[2]?.headers['x-request-id']))).toMatchObject({
      route: PING_ROUTE,
      status: 400,
      keyId: expect.any(String),
    });
    const summaries = summariesOf(PING_ROUTE);
    for (const line of summaries) {
      expect(line).toMatchObject({ level: 30, method: 'POST', msMean: expect.any(Number), msMax: expect.any(Number), keys: 1 });
      expect(line['seconds']).toBeGreaterThan(0);
    }
    const statuses: Record<string, number> = {};
    for (const line of summaries) {
      for (const [status, count] of Object.entries(line['statuses'] as Record<string, number>))
        statuses[status] = (statuses[status] ?? 0) + count;
    }
    expect({ requests: summarised(), statuses }).toEqual({ requests: 3, statuses: { '202': 2, '400': 1 } });
    expect(accessLineOf(String(phone.headers['x-request-id']))).toBeUndefined();
    while (
      summariesOf('/api/v1/ingest/osmand').every((line) => !(line['statuses'] as Record<string, number>)['200']) &&
      Date.now() < deadline
    ) {
      await settle();
    }
    expect(summariesOf('/api/v1/ingest/osmand').map((line) => line['statuses'])).toContainEqual(expect.objectContaining({ '200': 1 }));
    // Routes that are not the devices' keep their line per request, whatever their status.
    expect(summariesOf('/api/v1/assets/:id')).toEqual([]);
  });

  it('has a line per answered device request too at debug, and summarises what is left as the server closes', async () => {
    const debugLines: string[] = [];
    const debug = await startTestApp({ BEACON_AUTH: 'off' }, undefined, capturingLogger('debug', debugLines));
    await registerVehicle(debug, 'LOG-2', 'debugged');
    const answer = await debug.request({
      method: 'POST',
      url: '/api/v1/assets/LOG-2/heartbeats',
      headers: adminHeaders,
      payload: { lat: 59.3, lon: 18.1 },
    });
    expect(answer.statusCode).toBe(202);
    await debug.close();
    const parsed = debugLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.find((r) => r['reqId'] === answer.headers['x-request-id'])).toMatchObject({ level: 20, msg: 'request', status: 202 });
    // The default interval is a minute: this line was written by the close.
    expect(parsed.filter((r) => r['msg'] === 'requests summarised')).toEqual([
      expect.objectContaining({ route: PING_ROUTE, requests: 1, statuses: { '202': 1 }, keys: 1 }),
    ]);
  });
});
