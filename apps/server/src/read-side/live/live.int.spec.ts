import { adminHeaders, registerVehicle, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../testing/test-app';
import { LiveClient } from '../../testing/live-client';

let test: TestApp;
let baseUrl: string;
const clients: LiveClient[] = [];

const post = async (url: string, payload: object, headers: Record<string, string> = adminHeaders): Promise<void> => {
  const response = await test.request({ method: 'POST', url, headers, payload });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
};
const ping = (assetId: string, body: object = {}) => post(`/api/v1/assets/${assetId}/heartbeats`, body);
const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

/** Opens a stream as a real EventSource client and waits until the server has answered. */
async function watch(query = '', headers: Record<string, string> = admin): Promise<LiveClient> {
  const client = new LiveClient(`${baseUrl}/api/v1/live${query}`, headers);
  clients.push(client);
  await client.opened;
  return client;
}

async function issueViewerKey(customerId: string): Promise<string> {
  const response = await test.request({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: adminHeaders,
    payload: { role: 'viewer', name: `viewer of ${customerId}`, customerId },
  });
  return response.json().key as string;
}

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on' });
  await test.app.listen(0, '127.0.0.1');
  baseUrl = await test.app.getUrl();
  await registerVehicle(test, 'VIN-LIVE-1', 'acme');
  await registerVehicle(test, 'VIN-LIVE-2', 'acme');
  await registerVehicle(test, 'VIN-OTHER', 'globex');
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => test.close());

describe('GET /api/v1/live', () => {
  it('sends a heartbeat as a position event, and its first one as status online', async () => {
    const client = await watch();
    const timestamp = new Date().toISOString();
    await ping('VIN-LIVE-1', { lat: 59.33, lon: 18.07, speed: 12.5, heading: 90, timestamp });

    const position = await client.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-1');
    expect(position.data['position']).toEqual({ lat: 59.33, lon: 18.07, altitude: null, speed: 12.5, heading: 90, timestamp });
    const status = await client.next((e) => e.type === 'status' && e.data['id'] === 'VIN-LIVE-1');
    expect(status.data).toEqual({ id: 'VIN-LIVE-1', status: 'online', at: timestamp });
    expect(position.lastEventId).toMatch(/^[0-9a-f]+-\d+$/);
  });

  it('tells that an asset went offline within 1 s of its deadline, and online again at its next heartbeat', async () => {
    await post('/api/v1/assets', { id: 'VIN-SHORT', kind: 'vehicle', customerId: 'acme', registration: 'SHORT1', timeoutSeconds: 2 });
    const client = await watch('?customerId=acme');
    const seenAt = new Date();
    await ping('VIN-SHORT', { timestamp: seenAt.toISOString() });
    await client.next((e) => e.type === 'status' && e.data['id'] === 'VIN-SHORT' && e.data['status'] === 'online');

    const offline = await client.next((e) => e.type === 'status' && e.data['id'] === 'VIN-SHORT' && e.data['status'] === 'offline', 5_000);
    const deadline = seenAt.getTime() + 2_000;
    expect(offline.data['at']).toBe(new Date(deadline).toISOString());
    expect(offline.receivedAt).toBeGreaterThanOrEqual(deadline);
    expect(offline.receivedAt - deadline).toBeLessThan(1_000);

    // The query side agrees at once: status is computed from lastSeenAt + timeout.
    const detail = await test.request({ method: 'GET', url: '/api/v1/assets/VIN-SHORT', headers: adminHeaders });
    expect(detail.json().status).toBe('offline');

    await ping('VIN-SHORT');
    await client.next(
      (e) => e.type === 'status' && e.data['id'] === 'VIN-SHORT' && e.data['status'] === 'online' && e.receivedAt > offline.receivedAt,
    );
  });

  it('replays everything missed to a client that reconnects with Last-Event-ID', async () => {
    const first = await watch();
    await ping('VIN-LIVE-2', { lat: 57.7, lon: 11.97 });
    const seen = await first.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-2');
    first.close();

    // While it is away: a status change and positions of three assets. A second client that
    // stays connected witnesses that all of it has gone out.
    const witness = await watch();
    const missed = [
      { id: 'VIN-LIVE-1', lat: 59.4, lon: 18.1 },
      { id: 'VIN-OTHER', lat: 52.5, lon: 13.4 },
      { id: 'VIN-LIVE-2', lat: 57.8, lon: 11.9 },
    ];
    for (const { id, lat, lon } of missed) await ping(id, { lat, lon });
    for (const { id, lat } of missed) {
      await witness.next((e) => e.type === 'position' && e.data['id'] === id && (e.data['position'] as { lat: number }).lat === lat);
    }

    const resumed = await watch('', { ...admin, 'last-event-id': seen.lastEventId });
    for (const { id, lat, lon } of missed) {
      const position = await resumed.next((e) => e.type === 'position' && e.data['id'] === id);
      expect(position.data['position']).toMatchObject({ lat, lon });
    }
    await resumed.next((e) => e.type === 'status' && e.data['id'] === 'VIN-OTHER' && e.data['status'] === 'online');
    // Only what came after the id it gave.
    const seq = (id: string): number => Number(id.split('-')[1]);
    expect(resumed.events.every((e) => seq(e.lastEventId) > seq(seen.lastEventId))).toBe(true);
  });

  it('counts open streams and messages in /metrics', async () => {
    const client = await watch();
    await ping('VIN-LIVE-2', { lat: 57.71, lon: 11.98 });
    await client.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-2');
    const metrics = (await test.request({ method: 'GET', url: '/metrics', headers: adminHeaders })).body;
    expect(Number(/^beacon_live_clients (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^beacon_live_messages_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('asks a client to reload when it cannot replay from the id it gave', async () => {
    const client = await watch('', { ...admin, 'last-event-id': 'deadbeef-12' });
    const resync = await client.next((e) => e.type === 'resync');
    expect(resync.data['reason']).toEqual(expect.any(String));
  });

  it("never sends a viewer scoped to a customer another customer's events", async () => {
    const acmeViewer = { authorization: `Bearer ${await issueViewerKey('acme')}` };
    const viewer = await watch('', acmeViewer);
    const everyone = await watch();
    await ping('VIN-OTHER', { lat: 52.52, lon: 13.41 });
    await ping('VIN-LIVE-1', { lat: 59.5, lon: 18.2 });
    // Once the admin saw both and the viewer saw its own (sent after the other), the other cannot come.
    await everyone.next((e) => e.type === 'position' && e.data['id'] === 'VIN-OTHER');
    await everyone.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-1');
    await viewer.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-1');
    expect(viewer.events.filter((e) => e.data['id'] === 'VIN-OTHER')).toEqual([]);

    const refused = await fetch(`${baseUrl}/api/v1/live?customerId=globex`, { headers: acmeViewer });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe('forbidden');
  });

  it("filters by bounding box on the asset's position", async () => {
    const stockholm = await watch('?bbox=17.5,59,18.5,59.7');
    await ping('VIN-OTHER', { lat: 52.53, lon: 13.42 }); // Berlin
    await ping('VIN-LIVE-2', { lat: 59.31, lon: 18.01 }); // Stockholm
    await stockholm.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-2');
    expect(stockholm.events.filter((e) => e.data['id'] === 'VIN-OTHER')).toEqual([]);
  });

  it('sends a bbox client the first position outside its area of an asset leaving it, so the client can drop it', async () => {
    const stockholm = await watch('?bbox=17.5,59,18.5,59.7');
    const latOf = (e: { data: Record<string, unknown> }) => (e.data['position'] as { lat: number }).lat;
    await ping('VIN-LIVE-2', { lat: 59.32, lon: 18.02 }); // Stockholm
    await stockholm.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-2' && latOf(e) === 59.32);
    await ping('VIN-LIVE-2', { lat: 59.86, lon: 17.64 }); // Uppsala, north of the area
    await stockholm.next((e) => e.type === 'position' && e.data['id'] === 'VIN-LIVE-2' && latOf(e) === 59.86, 3_000);
    await ping('VIN-LIVE-2', { lat: 59.87, lon: 17.65 }); // further on: the client was told already
    await ping('VIN-OTHER', { lat: 59.33, lon: 18.03 }); // sent after it, so its arrival means the other had its chance
    await stockholm.next((e) => e.type === 'position' && e.data['id'] === 'VIN-OTHER', 3_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // past the throttle's second
    expect(stockholm.of('position', 'VIN-LIVE-2').map(latOf)).toEqual([59.32, 59.86]);
  });

  it('sends at most one position per asset per second, and the newest one last', async () => {
    const client = await watch('?customerId=acme');
    const start = Date.now();
    // Eight positions 250 ms apart: two seconds of a device reporting four times a second.
    for (let i = 1; i <= 8; i++) {
      await ping('VIN-LIVE-1', { lat: 61 + i / 100, lon: 18, timestamp: new Date(start + i * 250).toISOString() });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await client.next((e) => e.type === 'position' && (e.data['position'] as { lat: number }).lat === 61.08, 3_000);
    const positions = client.of('position', 'VIN-LIVE-1');
    expect(positions.length).toBeGreaterThanOrEqual(2);
    expect(positions.length).toBeLessThanOrEqual(4);
    const gaps = positions.slice(1).map((event, i) => event.receivedAt - (positions[i]?.receivedAt ?? 0));
    expect(gaps.every((gap) => gap >= 900)).toBe(true);
    expect(positions.at(-1)?.data['position']).toMatchObject({ lat: 61.08 });
  });

  it('refuses a bad bbox with 400 and a request without a key with 401', async () => {
    const bad = await fetch(`${baseUrl}/api/v1/live?bbox=10,10,5,5`, { headers: admin });
    expect(bad.status).toBe(400);
    expect((await bad.json()).details[0].field).toBe('bbox');
    expect((await fetch(`${baseUrl}/api/v1/live`)).status).toBe(401);
  });

  it('ends open streams when the server stops, instead of waiting for their clients to leave', async () => {
    const other = await startTestApp({ BEACON_AUTH: 'on' });
    await other.app.listen(0, '127.0.0.1');
    const response = await fetch(`${await other.app.getUrl()}/api/v1/live`, { headers: admin });
    expect(response.status).toBe(200);
    const reading = response.text(); // resolves when the server ends the stream
    const started = Date.now();
    await other.close();
    await expect(reading).resolves.toContain(': connected');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('ends a stream whose key is revoked while it is open, within seconds', async () => {
    const issued = (
      await test.request({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: adminHeaders,
        payload: { role: 'viewer', name: 'to be revoked' },
      })
    ).json<{ id: string; key: string }>();
    const response = await fetch(`${baseUrl}/api/v1/live`, { headers: { authorization: `Bearer ${issued.key}` } });
    expect(response.status).toBe(200);
    if (!response.body) throw new Error('the live stream has no body');
    const reader = response.body.getReader();
    await reader.read(); // `retry:` and `: connected`
    const revokedAt = Date.now();
    expect((await test.request({ method: 'DELETE', url: `/api/v1/api-keys/${issued.id}`, headers: adminHeaders })).statusCode).toBe(204);
    const ended = (async () => {
      while (!(await reader.read()).done);
      return Date.now() - revokedAt;
    })();
    const stillOpen = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the stream is still open 5 s after its key was revoked')), 5_000),
    );
    expect(await Promise.race([ended, stillOpen])).toBeLessThan(5_000);
  });
});
