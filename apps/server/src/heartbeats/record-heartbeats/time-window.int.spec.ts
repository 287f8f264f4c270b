import type { Pool } from 'pg';
import { PG_POOL } from '../../config/config.tokens';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../../testing/test-app';

/**
 * Heartbeats are accepted from at most BEACON_HEARTBEAT_MAX_AGE_DAYS ago (here 7) to 5 minutes
 * ahead, in every format; outside that, the item is refused with its reason, and no partition is
 * created for its day.
 */
let test: TestApp;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const partitionExists = async (day: string): Promise<boolean> => {
  const { rows } = await test.app
    .get<Pool>(PG_POOL)
    .query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [`heartbeats_${day.replaceAll('-', '')}`]);
  return rows[0]?.found === true;
};

beforeAll(async () => {
  test = await startTestApp({ BEACON_HEARTBEAT_MAX_AGE_DAYS: '7' });
  await registerVehicle(test, 'WINDOW-1');
});
afterAll(() => test.close());

describe('the accepted time window', () => {
  it('refuses a ping from 1900 with 400 and creates no partition for it', async () => {
    const answer = await test.request({
      method: 'POST',
      url: '/api/v1/assets/WINDOW-1/heartbeats',
      headers: adminHeaders,
      payload: { timestamp: '1900-01-01T00:00:00Z' },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toEqual({
      error: 'invalid_request',
      message: 'must not be more than 7 days old',
      details: [{ field: 'timestamp', reason: 'must not be more than 7 days old' }],
      requestId: expect.any(String),
    });
    expect(await partitionExists('1900-01-01')).toBe(false);
  });

  it('rejects by index the batch items outside the window, and stores those inside it', async () => {
    const batch = [
      { assetId: 'WINDOW-1', timestamp: daysAgo(6.9) },
      { assetId: 'WINDOW-1', timestamp: daysAgo(7.1) },
      { assetId: 'WINDOW-1', timestamp: new Date(Date.now() + 10 * 60_000).toISOString() },
    ];
    const answer = await test.request({ method: 'POST', url: '/api/v1/heartbeats', headers: adminHeaders, payload: batch });
    expect(answer.json()).toMatchObject({
      accepted: 1,
      rejected: [
        { index: 1, details: [{ field: 'timestamp', reason: 'must not be more than 7 days old' }] },
        { index: 2, details: [{ field: 'timestamp', reason: 'must not be more than 5 minutes in the future' }] },
      ],
    });
  });

  it('holds for OsmAnd phones too', async () => {
    const old = Math.floor(Date.now() / 1000) - 8 * 86_400;
    const answer = await test.request({
      method: 'GET',
      url: `/api/v1/ingest/osmand?id=WINDOW-1&lat=59.3&lon=18.1&timestamp=${old}`,
      headers: adminHeaders,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ details: [{ field: 'timestamp', reason: 'must not be more than 7 days old' }] });
  });
});
