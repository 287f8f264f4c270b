import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyDigest } from '../../auth/api-key';
import { signLiveTicket } from '../../auth/live-ticket';
import { LiveClient } from '../../testing/live-client';
import { adminHeaders, migratedTestDatabase, registerVehicle, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../testing/test-app';

/**
 * Live tickets (decision 034): `POST /api/v1/live/tickets` with the key in a header, then
 * `GET /api/v1/live?ticket=…` as that key, on any process, within 60 s; nowhere else.
 */
let test: TestApp;
let baseUrl: string;
const clients: LiveClient[] = [];
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function issueKey(payload: object): Promise<{ id: string; key: string }> {
  const response = await test.request({ method: 'POST', url: '/api/v1/api-keys', headers: adminHeaders, payload });
  if (response.statusCode !== 201) throw new Error(`issuing a key: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function ticketFor(app: TestApp, headers: Record<string, string>): Promise<{ ticket: string; expiresAt: string }> {
  const response = await app.request({ method: 'POST', url: '/api/v1/live/tickets', headers });
  if (response.statusCode !== 201) throw new Error(`a ticket: ${response.statusCode} ${response.body}`);
  return response.json();
}

const ping = async (assetId: string, body: object) => {
  const response = await test.request({
    method: 'POST',
    url: `/api/v1/assets/${assetId}/heartbeats`,
    headers: adminHeaders,
    payload: body,
  });
  if (response.statusCode !== 202) throw new Error(`ping: ${response.statusCode} ${response.body}`);
};

async function watch(url: string): Promise<LiveClient> {
  const client = new LiveClient(url);
  clients.push(client);
  await client.opened;
  return client;
}

/** Opens a stream with `fetch`, reads its greeting, and resolves with how long after `since()` it ended. */
async function openedStream(url: string): Promise<(since: number, withinMs: number) => Promise<number>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  if (!response.body) throw new Error('the live stream has no body');
  const reader = response.body.getReader();
  await reader.read(); // `retry:` and `: connected`
  return async (since, withinMs) => {
    const ended = (async () => {
      while (!(await reader.read()).done);
      return Date.now() - since;
    })();
    let timer: NodeJS.Timeout | undefined;
    const stillOpen = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the stream is still open after ${withinMs} ms`)), withinMs);
    });
    return Promise.race([ended, stillOpen]).finally(() => clearTimeout(timer));
  };
}

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on', BEACON_AUTH_FAILURES_PER_MINUTE: '100000' });
  await test.app.listen(0, '127.0.0.1');
  baseUrl = await test.app.getUrl();
  await registerVehicle(test, 'TICKET-1', 'acme');
  await registerVehicle(test, 'TICKET-2', 'globex');
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => test.close());

describe('POST /api/v1/live/tickets', () => {
  it('answers 201 with a ticket valid for 60 s, to a reader key in a header only', async () => {
    const before = Date.now();
    const response = await test.request({ method: 'POST', url: '/api/v1/live/tickets', headers: adminHeaders });
    expect(response.statusCode).toBe(201);
    const { ticket, expiresAt } = response.json<{ ticket: string; expiresAt: string }>();
    expect(ticket).toMatch(/^[A-Za-z0-9._-]{40,200}$/);
    expect(ticket).not.toContain(TEST_ADMIN_KEY);
    expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(60_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    expect(new Date(expiresAt).toISOString()).toBe(expiresAt);

    const device = await issueKey({ role: 'device', name: 'phone' });
    const refused = await test.request({ method: 'POST', url: '/api/v1/live/tickets', headers: bearer(device.key) });
    expect(refused.statusCode).toBe(403);
    const none = await test.request({ method: 'POST', url: '/api/v1/live/tickets' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('unauthorized');
    // A ticket cannot buy another ticket.
    const again = await test.request({ method: 'POST', url: `/api/v1/live/tickets?ticket=${encodeURIComponent(ticket)}` });
    expect(again.statusCode).toBe(401);
  });
});

describe('GET /api/v1/live?ticket=', () => {
  it("opens the stream as the ticket's key: a scoped viewer's ticket sees its own customer only", async () => {
    const viewer = await issueKey({ role: 'viewer', name: 'acme screen', customerId: 'acme' });
    const { ticket } = await ticketFor(test, bearer(viewer.key));
    const scoped = await watch(`${baseUrl}/api/v1/live?ticket=${encodeURIComponent(ticket)}`);
    const everyone = await watch(`${baseUrl}/api/v1/live?ticket=${encodeURIComponent((await ticketFor(test, adminHeaders)).ticket)}`);
    await ping('TICKET-2', { lat: 52.52, lon: 13.41 });
    await ping('TICKET-1', { lat: 59.33, lon: 18.07 });
    await everyone.next((e) => e.type === 'position' && e.data['id'] === 'TICKET-2');
    await everyone.next((e) => e.type === 'position' && e.data['id'] === 'TICKET-1');
    await scoped.next((e) => e.type === 'position' && e.data['id'] === 'TICKET-1');
    expect(scoped.events.filter((e) => e.data['id'] === 'TICKET-2')).toEqual([]);

    const other = await fetch(`${baseUrl}/api/v1/live?customerId=globex&ticket=${encodeURIComponent(ticket)}`);
    expect(other.status).toBe(403);
  });

  it('refuses an expired, altered, made-up or malformed ticket with 401 and the JSON error body', async () => {
    const { ticket } = await ticketFor(test, adminHeaders);
    const [version, keyId, expiry, tag] = ticket.split('.') as [string, string, string, string];
    const viewer = await issueKey({ role: 'viewer', name: 'other' });
    const refused = [
      // Signed as the server signs, with the key's digest, but past its expiry.
      signLiveTicket('bootstrap-admin', Date.now() - 1, keyDigest(TEST_ADMIN_KEY).bytes),
      [version, keyId, String(Number(expiry) + 3_600_000), tag].join('.'), // a longer life
      [version, keyId, expiry, `${tag[0] === 'A' ? 'B' : 'A'}${tag.slice(1)}`].join('.'), // another tag
      [version, viewer.id, expiry, tag].join('.'), // another key's id
      signLiveTicket(viewer.id, Date.now() + 30_000, Buffer.alloc(32)), // a secret that is not the key's digest
      TEST_ADMIN_KEY, // a key is not a ticket
      'nonsense',
      '',
    ];
    for (const bad of refused) {
      const response = await fetch(`${baseUrl}/api/v1/live?ticket=${encodeURIComponent(bad)}`);
      expect({ bad, status: response.status }).toEqual({ bad, status: 401 });
      expect(await response.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String), requestId: expect.any(String) });
    }
  });

  it('refuses the ticket of a revoked key, and ends a stream a ticket opened when its key is revoked', async () => {
    const viewer = await issueKey({ role: 'viewer', name: 'to be revoked' });
    const first = await ticketFor(test, bearer(viewer.key));
    const second = await ticketFor(test, bearer(viewer.key));
    const ended = await openedStream(`${baseUrl}/api/v1/live?ticket=${encodeURIComponent(first.ticket)}`);
    const revokedAt = Date.now();
    expect((await test.request({ method: 'DELETE', url: `/api/v1/api-keys/${viewer.id}`, headers: adminHeaders })).statusCode).toBe(204);
    expect(await ended(revokedAt, 5_000)).toBeLessThan(5_000);
    expect((await fetch(`${baseUrl}/api/v1/live?ticket=${encodeURIComponent(second.ticket)}`)).status).toBe(401);
  });

  it('keeps a stream open after its ticket expires: the ticket opens it, the key keeps it', async () => {
    const shortLived = signLiveTicket('bootstrap-admin', Date.now() + 1_000, keyDigest(TEST_ADMIN_KEY).bytes);
    const client = await watch(`${baseUrl}/api/v1/live?ticket=${encodeURIComponent(shortLived)}`);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // past the expiry and two checks of the key
    await ping('TICKET-1', { lat: 59.4, lon: 18.1 });
    await client.next((e) => e.type === 'position' && e.data['id'] === 'TICKET-1' && (e.data['position'] as { lat: number }).lat === 59.4);
    expect((await fetch(`${baseUrl}/api/v1/live?ticket=${encodeURIComponent(shortLived)}`)).status).toBe(401);
  });

  it('is not accepted on any other route', async () => {
    const { ticket } = await ticketFor(test, adminHeaders);
    for (const url of ['/api/v1/assets', '/api/v1/assets/TICKET-1', '/api/v1/me', '/api/v1/customers', '/api/v1/stats']) {
      const response = await test.request({ method: 'GET', url: `${url}?ticket=${encodeURIComponent(ticket)}` });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 401 });
    }
    expect((await test.request({ method: 'GET', url: `/api/v1/live?key=${encodeURIComponent(ticket)}` })).statusCode).toBe(401);
  });
});

describe('a live ticket across processes', () => {
  it('is taken by another process on the same log than the one that issued it', async () => {
    const database = await migratedTestDatabase();
    const issuer = await startTestApp({ BEACON_AUTH: 'on', BEACON_ROLES: 'query' }, database);
    const other = await startTestApp({ BEACON_AUTH: 'on', BEACON_ROLES: 'query,ingest' }, database);
    try {
      await registerVehicle(other, 'TICKET-3', 'acme');
      const viewer = (
        await other.request({
          method: 'POST',
          url: '/api/v1/api-keys',
          headers: adminHeaders,
          payload: { role: 'viewer', name: 'x', customerId: 'acme' },
        })
      ).json<{ key: string }>();
      const { ticket } = await ticketFor(issuer, bearer(viewer.key));
      await other.app.listen(0, '127.0.0.1');
      const client = await watch(`${await other.app.getUrl()}/api/v1/live?ticket=${encodeURIComponent(ticket)}`);
      await other.request({
        method: 'POST',
        url: '/api/v1/assets/TICKET-3/heartbeats',
        headers: adminHeaders,
        payload: { lat: 60, lon: 18 },
      });
      await client.next((e) => e.type === 'position' && e.data['id'] === 'TICKET-3');
    } finally {
      for (const client of clients.splice(0)) client.close();
      await other.close({ drop: false });
      await issuer.close();
    }
  });
});

describe('a live ticket of the admin key from a file', () => {
  it('stops working, and its stream ends, when the key is rotated away', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'beacon-ticket-'));
    const keyFile = join(directory, 'admin-key');
    const firstKey = 'first-admin-key-0123456789';
    writeFileSync(keyFile, `${firstKey}\n`, { mode: 0o600 });
    const rotating = await startTestApp({ BEACON_AUTH: 'on', BEACON_ADMIN_KEY_FILE: keyFile });
    try {
      await rotating.app.listen(0, '127.0.0.1');
      const url = `${await rotating.app.getUrl()}/api/v1/live?ticket=`;
      const first = await ticketFor(rotating, bearer(firstKey));
      const second = await ticketFor(rotating, bearer(firstKey));
      const ended = await openedStream(url + encodeURIComponent(first.ticket));
      const rotatedAt = Date.now();
      writeFileSync(keyFile, 'second-admin-key-0123456789\n');
      expect(await ended(rotatedAt, 6_000)).toBeLessThan(6_000);
      expect((await fetch(url + encodeURIComponent(second.ticket))).status).toBe(401);
    } finally {
      await rotating.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('a live ticket with BEACON_AUTH=off', () => {
  it('is issued to the anonymous reader and opens the stream', async () => {
    const open = await startTestApp({ BEACON_AUTH: 'off' });
    try {
      await open.app.listen(0, '127.0.0.1');
      const { ticket } = await ticketFor(open, {});
      await watch(`${await open.app.getUrl()}/api/v1/live?ticket=${encodeURIComponent(ticket)}`);
    } finally {
      for (const client of clients.splice(0)) client.close();
      await open.close();
    }
  });
});
