import { adminHeaders, migratedTestDatabase, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

/**
 * Two servers on one database, as two ingest replicas run: what one does to an asset, the other's
 * directory learns from the database's announcement (decision 052), not after a while.
 */
let first: TestApp;
let second: TestApp;

/** Well within the 10 minutes an answer is otherwise trusted, and within the 5 s it was before. */
const LEARNS_WITHIN_MS = 2_000;

beforeAll(async () => {
  const database = await migratedTestDatabase();
  first = await startTestApp({}, database);
  second = await startTestApp({}, database);
});

afterAll(async () => {
  await second.close({ drop: false });
  await first.close();
});

const ping = (test: TestApp, assetId: string) =>
  test.request({ method: 'POST', url: `/api/v1/assets/${assetId}/heartbeats`, headers: adminHeaders, payload: { lat: 59.3, lon: 18.1 } });

/** The status of the second server's ping once it differs from `from`, or `from` if it never does in time. */
async function statusOnceNot(from: number, assetId: string): Promise<number> {
  const deadline = Date.now() + LEARNS_WITHIN_MS;
  for (;;) {
    const { statusCode } = await ping(second, assetId);
    if (statusCode !== from || Date.now() > deadline) return statusCode;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the asset directory of another server', () => {
  it('takes heartbeats for an asset as soon as this server registers it, though it had found it unknown', async () => {
    expect((await ping(second, 'DIR-1')).statusCode).toBe(404);
    await registerVehicle(first, 'DIR-1', 'directory');
    expect(await statusOnceNot(404, 'DIR-1')).toBe(202);
  });

  it('refuses heartbeats for an asset as soon as this server decommissions it, though it had them stored', async () => {
    await registerVehicle(first, 'DIR-2', 'directory');
    expect(await statusOnceNot(404, 'DIR-2')).toBe(202);
    expect((await ping(second, 'DIR-2')).statusCode).toBe(202);
    const decommissioned = await first.request({ method: 'DELETE', url: '/api/v1/assets/DIR-2', headers: adminHeaders });
    expect(decommissioned.statusCode).toBe(200);
    expect(await statusOnceNot(202, 'DIR-2')).toBe(404);
  });
});
