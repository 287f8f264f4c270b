import { eventually } from '@beacon/testing';
import { adminHeaders, registerVehicle, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../../testing/test-app';
import { LiveClient } from '../../testing/live-client';

/**
 * The live stream follows the log only while someone watches (1 s after the last client here,
 * 60 s by default): a server nobody watches does not read every heartbeat a second time.
 */
let test: TestApp;
let baseUrl: string;
const clients: LiveClient[] = [];
const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

const ping = async (assetId: string, body: object): Promise<void> => {
  const response = await test.request({
    method: 'POST',
    url: `/api/v1/assets/${assetId}/heartbeats`,
    headers: adminHeaders,
    payload: body,
  });
  if (response.statusCode >= 300) throw new Error(`heartbeat: ${response.statusCode} ${response.body}`);
};

async function following(): Promise<number> {
  const metrics = (await test.request({ method: 'GET', url: '/metrics', headers: adminHeaders })).body;
  const value = /^beacon_live_following (\d+)$/m.exec(metrics)?.[1];
  if (value === undefined) throw new Error('/metrics has no beacon_live_following');
  return Number(value);
}

/** Waits until the live stream no longer follows the log (the idle time here is 1 s). */
const stopsFollowing = (): Promise<void> => eventually(async () => expect(await following()).toBe(0));

async function watch(headers: Record<string, string> = admin): Promise<LiveClient> {
  const client = new LiveClient(`${baseUrl}/api/v1/live`, headers);
  clients.push(client);
  await client.opened;
  return client;
}

const latOf = (e: { data: Record<string, unknown> }): number => (e.data['position'] as { lat: number }).lat;

beforeAll(async () => {
  test = await startTestApp({ BEACON_AUTH: 'on', BEACON_LIVE_IDLE_SECONDS: '1' });
  await test.app.listen(0, '127.0.0.1');
  baseUrl = await test.app.getUrl();
  await registerVehicle(test, 'VIN-IDLE-1', 'acme');
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => test.close());

describe('the live stream while nobody watches', () => {
  it('does not follow the log until a client connects, and stops a while after the last one left', async () => {
    await ping('VIN-IDLE-1', { lat: 59.1, lon: 18.1 });
    expect(await following()).toBe(0);

    const client = await watch();
    expect(await following()).toBe(1);
    // The stream opens once the engine is placed in the log: a heartbeat sent right after is told.
    await ping('VIN-IDLE-1', { lat: 59.2, lon: 18.2 });
    await client.next((e) => e.type === 'position' && latOf(e) === 59.2);

    client.close();
    await stopsFollowing();
  });

  it('starts afresh for the next client: the fleet as it is now, and ids from before answered with resync', async () => {
    const first = await watch();
    await ping('VIN-IDLE-1', { lat: 59.3, lon: 18.3 });
    const seen = await first.next((e) => e.type === 'position' && latOf(e) === 59.3);
    first.close();
    await stopsFollowing();

    // While nobody watches, a new asset reports for the first time: it comes online.
    await registerVehicle(test, 'VIN-IDLE-2', 'acme');
    await ping('VIN-IDLE-2', { lat: 57.7, lon: 11.9 });
    await eventually(async () => {
      const detail = await test.request({ method: 'GET', url: '/api/v1/assets/VIN-IDLE-2', headers: adminHeaders });
      expect(detail.json().status).toBe('online'); // the read model has it online
    });

    const resumed = await watch({ ...admin, 'last-event-id': seen.lastEventId });
    await resumed.next((e) => e.type === 'resync');
    await ping('VIN-IDLE-2', { lat: 57.8, lon: 12.0 });
    await ping('VIN-IDLE-1', { lat: 59.4, lon: 18.4 });
    await resumed.next((e) => e.type === 'position' && e.data['id'] === 'VIN-IDLE-2' && latOf(e) === 57.8);
    await resumed.next((e) => e.type === 'position' && e.data['id'] === 'VIN-IDLE-1' && latOf(e) === 59.4);
    // The fleet was loaded as it is now: VIN-IDLE-2 was online already, so that is not told again.
    expect(resumed.of('status', 'VIN-IDLE-2')).toEqual([]);
    const epoch = (id: string): string | undefined => id.split('-')[0];
    const changes = resumed.events.filter((e) => e.type !== 'resync');
    expect(changes.every((e) => epoch(e.lastEventId) !== epoch(seen.lastEventId))).toBe(true);
  });

  it('keeps following while a client comes back within the idle time', async () => {
    const first = await watch();
    first.close();
    const second = await watch();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await following()).toBe(1);
    await ping('VIN-IDLE-1', { lat: 59.5, lon: 18.5 });
    await second.next((e) => e.type === 'position' && latOf(e) === 59.5);
  });
});
