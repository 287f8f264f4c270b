import { assetStream } from '@beacon/domain';
import { EventStore } from '@beacon/event-store';
import { eventually } from '@beacon/testing';
import { Pool } from 'pg';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

/**
 * A poison event in the log of a running server (PostgreSQL read model): an asset registration
 * whose timeout does not fit the read model's column. Pings of another asset go on meanwhile.
 */
let test: TestApp;
let pool: Pool;
const DEAD_LETTERS = '/api/v1/admin/projections/assets-read-model/dead-letters';
const deadLetters = async (): Promise<{ items: { position: string; eventType: string; streamId: string; attempts: number }[] }> =>
  (await test.request({ method: 'GET', url: DEAD_LETTERS, headers: adminHeaders })).json();
const metric = async (): Promise<number> => {
  const text = (await test.request({ method: 'GET', url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith('beacon_projection_dead_letters_total{projection="assets-read-model"} '));
  return Number(line?.split(' ').at(-1));
};

beforeAll(async () => {
  test = await startTestApp();
  pool = new Pool({ connectionString: test.databaseUrl, max: 2 });
  await registerVehicle(test, 'VIN-GOOD');
}, 30_000);

afterAll(async () => {
  await pool.end();
  await test.close();
});

describe('dead letters of a projection', () => {
  it('lists a poison event, counts it, keeps projecting the good traffic, and retries it on request once fixed', async () => {
    expect(await metric()).toBe(0);
    const pings = (from: number) =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          test.request({
            method: 'POST',
            url: '/api/v1/assets/VIN-GOOD/heartbeats',
            headers: adminHeaders,
            payload: { messageId: `m-${from + i}` },
          }),
        ),
      );
    const before = pings(0);
    const data = {
      assetId: 'VIN-POISON',
      kind: 'vehicle',
      customerId: 'acme',
      registration: 'POISON',
      label: null,
      callsign: null,
      icao24: null,
    };
    await new EventStore(pool).append(
      assetStream('VIN-POISON'),
      [{ type: 'AssetRegistered', data: { ...data, timeoutSeconds: 1e12, registeredAt: new Date().toISOString() } }],
      {
        expectedVersion: 'no_stream',
      },
    );
    const after = pings(20);
    expect((await Promise.all([before, after])).flat().map((r) => r.statusCode)).toEqual(Array(40).fill(202));

    // The good asset is projected up to its last ping; the poison event is listed and counted.
    const last = await test.request({
      method: 'POST',
      url: '/api/v1/assets/VIN-GOOD/heartbeats',
      headers: adminHeaders,
      payload: { messageId: 'last' },
    });
    const lastAt = (await pool.query<{ at: Date }>(`SELECT max(occurred_at) AS at FROM heartbeats WHERE asset_id = 'VIN-GOOD'`)).rows[0]
      ?.at;
    expect(last.statusCode).toBe(202);
    await eventually(async () => {
      const asset = (await test.request({ method: 'GET', url: '/api/v1/assets/VIN-GOOD', headers: adminHeaders })).json();
      expect(asset.lastSeenAt).toBe(lastAt?.toISOString());
    }, 15_000);
    const listed = await deadLetters();
    expect(listed.items).toEqual([expect.objectContaining({ eventType: 'AssetRegistered', streamId: 'asset-VIN-POISON', attempts: 3 })]);
    expect(await metric()).toBe(1);
    expect((await test.request({ method: 'GET', url: '/api/v1/assets/VIN-POISON', headers: adminHeaders })).statusCode).toBe(404);

    // Unknown projection, unknown position, and a position that is not one.
    const other = await test.request({ method: 'GET', url: '/api/v1/admin/projections/nope/dead-letters', headers: adminHeaders });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: 'not_found' });
    expect((await test.request({ method: 'POST', url: `${DEAD_LETTERS}/999999/retry`, headers: adminHeaders })).statusCode).toBe(404);
    expect((await test.request({ method: 'POST', url: `${DEAD_LETTERS}/x1/retry`, headers: adminHeaders })).statusCode).toBe(400);
    expect((await test.request({ method: 'GET', url: DEAD_LETTERS, headers: { authorization: 'Bearer not-a-key' } })).statusCode).toBe(401);

    // Fixed (the column takes the value now), a retry applies it and it leaves the list.
    await pool.query('ALTER TABLE rm_assets ALTER COLUMN timeout_seconds TYPE bigint');
    const position = listed.items[0]?.position ?? '';
    const retry = await test.request({ method: 'POST', url: `${DEAD_LETTERS}/${position}/retry`, headers: adminHeaders });
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toMatchObject({ position, retryRequestedAt: expect.any(String) });
    await eventually(async () => expect((await deadLetters()).items).toEqual([]), 10_000);
    expect((await test.request({ method: 'GET', url: '/api/v1/assets/VIN-POISON', headers: adminHeaders })).json()).toMatchObject({
      registration: 'POISON',
    });
  }, 60_000);
});
