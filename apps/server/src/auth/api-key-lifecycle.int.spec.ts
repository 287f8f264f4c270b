import { eventually } from '@beacon/testing';
import { adminHeaders, migratedTestDatabase, startTestApp, type TestApp } from '../testing/test-app';

/**
 * Keys live and die: an admin lists them (never the key), revokes one, and every process refuses
 * it within a second; a key may carry an expiry; unknown keys cost one lookup each, even when copies
 * arrive together, and an address that keeps presenting them is stopped before any lookup.
 */
let one: TestApp;
let other: TestApp;

beforeAll(async () => {
  const database = await migratedTestDatabase();
  // Two processes on one database, as two replicas of a deployment.
  one = await startTestApp({ BEACON_AUTH: 'on', BEACON_AUTH_FAILURES_PER_MINUTE: '20' }, database);
  other = await startTestApp({ BEACON_AUTH: 'on', BEACON_AUTH_FAILURES_PER_MINUTE: '20' }, database);
});
afterAll(async () => {
  await other.close({ drop: false });
  await one.close();
});

const issue = async (body: object): Promise<{ id: string; key: string }> => {
  const response = await one.request({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload: body });
  expect(response.statusCode).toBe(201);
  return response.json();
};
const readWith = (app: TestApp, key: string, remoteAddress = '127.0.0.1') =>
  app.request({ method: 'GET', url: '/api/v1/customers', headers: { authorization: `Bearer ${key}` }, remoteAddress });
const lookups = async (app: TestApp): Promise<number> => {
  const metrics = (await app.request({ method: 'GET', url: '/metrics', headers: adminHeaders })).body;
  return Number(/^beacon_api_key_lookups_total\{result="invalid"\} (\d+)/m.exec(metrics)?.[1] ?? NaN);
};

describe('API keys', () => {
  it('are listed for an admin with their state, never with the key or its digest', async () => {
    const { id, key } = await issue({ role: 'viewer', name: 'wall screen' });
    expect((await readWith(one, key)).statusCode).toBe(200);
    const listed = await one.request({ method: 'GET', url: '/api/v1/api-keys', headers: adminHeaders });
    expect(listed.statusCode).toBe(200);
    const entry = listed.json<{ items: Array<Record<string, unknown>> }>().items.find((k) => k['id'] === id);
    expect(entry).toMatchObject({ name: 'wall screen', role: 'viewer', customerId: null, expiresAt: null, revokedAt: null });
    expect(typeof entry?.['issuedAt']).toBe('string');
    expect(typeof entry?.['lastUsedAt']).toBe('string');
    expect(listed.body).not.toContain(key);
    expect(listed.body).not.toMatch(/keyHash|[0-9a-f]{64}/);
    expect((await one.request({ method: 'GET', url: '/api/v1/api-keys', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(
      403,
    );
  });

  it('once revoked are refused with 401 on every process within a second', async () => {
    const { id, key } = await issue({ role: 'viewer', name: 'leaked' });
    // Both processes have seen the key valid and remember it.
    expect((await readWith(one, key)).statusCode).toBe(200);
    expect((await readWith(other, key)).statusCode).toBe(200);
    const revoked = await one.request({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: adminHeaders });
    expect(revoked.statusCode).toBe(204);
    expect((await readWith(one, key)).statusCode).toBe(401);
    await eventually(async () => expect((await readWith(other, key)).statusCode).toBe(401), 1000, 20);
    expect((await one.request({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: adminHeaders })).statusCode).toBe(204);
    expect((await one.request({ method: 'DELETE', url: '/api/v1/api-keys/no-such-key', headers: adminHeaders })).statusCode).toBe(404);
    const listed = (await one.request({ method: 'GET', url: '/api/v1/api-keys', headers: adminHeaders })).json<{
      items: Array<{ id: string; revokedAt: string | null }>;
    }>();
    expect(listed.items.find((k) => k.id === id)?.revokedAt).toEqual(expect.any(String));
  });

  it('may carry an expiry, after which they are refused', async () => {
    const { key } = await issue({ role: 'viewer', name: 'visitor', expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect((await readWith(one, key)).statusCode).toBe(200);
    await eventually(async () => expect((await readWith(one, key)).statusCode).toBe(401), 4000, 100);
    const past = await one.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: adminHeaders,
      payload: { role: 'viewer', name: 'x', expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().details[0].field).toBe('expiresAt');
  });

  it('unknown are looked up once each, and an address that keeps trying is stopped before any lookup', async () => {
    const before = await lookups(other);
    for (let i = 0; i < 10; i++) expect((await readWith(other, 'bcn_the-same-made-up-key', '10.1.1.1')).statusCode).toBe(401);
    expect((await lookups(other)) - before).toBe(1);
    // Copies of a new key that arrive together, from several addresses, share one lookup.
    const together = await Promise.all(Array.from({ length: 10 }, (_, i) => readWith(other, 'bcn_sent-together', `10.1.2.${i}`)));
    expect(together.map((answer) => answer.statusCode)).toEqual(Array(10).fill(401));
    expect((await lookups(other)) - before).toBe(2);

    // A flood of distinct made-up keys from one address: 401 until the limit (20 a minute), then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await readWith(other, `bcn_guess-${i}`, '10.2.2.2')).statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect((await lookups(other)) - before).toBe(2 + 20);
    const limited = await readWith(other, 'bcn_one-more', '10.2.2.2');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // Other addresses, and keys known valid, are not held up.
    const { key } = await issue({ role: 'viewer', name: 'valid' });
    expect((await readWith(other, key, '10.3.3.3')).statusCode).toBe(200);
    expect((await readWith(other, key, '10.2.2.2')).statusCode).toBe(200);
  });

  it('never come back in an error body, even from a URL that is not found', async () => {
    const answer = await one.request({ method: 'POST', url: '/api/v1/ingest/osmnad/?key=bcn_secret-device-key&id=1', payload: '' });
    expect(answer.statusCode).toBe(404);
    expect(answer.body).not.toContain('bcn_secret-device-key');
    expect(answer.json()).toMatchObject({ error: 'not_found' });
  });

  it('take the client address from the socket, not from a header anyone can write', async () => {
    for (let i = 0; i < 20; i++) await readWith(one, `bcn_spoof-${i}`, '10.9.9.9');
    const spoofing = await one.request({
      method: 'GET',
      url: '/api/v1/customers',
      headers: { authorization: 'Bearer bcn_spoof-next', 'x-forwarded-for': '192.0.2.1' },
      remoteAddress: '10.9.9.9',
    });
    expect(spoofing.statusCode).toBe(429);
  });
});
