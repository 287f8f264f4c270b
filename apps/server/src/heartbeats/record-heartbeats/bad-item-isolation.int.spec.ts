import type { Pool } from 'pg';
import { PG_POOL } from '../../config/config.tokens';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../../testing/test-app';

/**
 * Heartbeats of many senders share group-commit flushes. One sender's heartbeat that passes
 * validation but that PostgreSQL cannot store (a date in year 0, which PostgreSQL does not have) is
 * refused alone; everybody else's heartbeats of the same flush are stored (decision 020).
 */
let test: TestApp;

const ping = (assetId: string, body: Record<string, unknown>) =>
  test.request({ method: 'POST', url: `/api/v1/assets/${assetId}/heartbeats`, headers: adminHeaders, payload: body });
const storedMessageIds = async (assetId: string): Promise<string[]> => {
  const pool = test.app.get<Pool>(PG_POOL);
  const { rows } = await pool.query<{ m: string }>('SELECT message_id AS m FROM heartbeats WHERE asset_id = $1 ORDER BY 1', [assetId]);
  return rows.map((r) => r.m);
};

beforeAll(async () => {
  // Any age is accepted, so that a heartbeat of year 0 passes validation and reaches PostgreSQL.
  test = await startTestApp({ BEACON_HEARTBEAT_MAX_AGE_DAYS: '1000000' });
  await registerVehicle(test, 'GOOD-1', 'good-customer');
  await registerVehicle(test, 'BAD-1', 'bad-customer');
});
afterAll(() => test.close());

describe('a heartbeat that cannot be stored', () => {
  it('fails alone: 200 pings of one customer all stored while another sends 20 that PostgreSQL refuses', async () => {
    // Sent together, a bad one after every ten good ones, so that they share flushes.
    const requests = Array.from({ length: 220 }, (_, i) => {
      if (i % 11 !== 10) return { good: true, answer: ping('GOOD-1', { lat: 59.3, lon: 18.1, messageId: `good-${i}` }) };
      return {
        good: false,
        answer: ping('BAD-1', { timestamp: `0000-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, messageId: `bad-${i}` }),
      };
    });
    const answers = await Promise.all(requests.map(async (r) => ({ good: r.good, answer: await r.answer })));
    const goodAnswers = answers.filter((a) => a.good).map((a) => a.answer);
    const badAnswers = answers.filter((a) => !a.good).map((a) => a.answer);
    expect(badAnswers).toHaveLength(20);
    expect(goodAnswers.map((a) => a.statusCode)).toEqual(goodAnswers.map(() => 202));
    expect(badAnswers.map((a) => a.statusCode)).toEqual(badAnswers.map(() => 400));
    expect(badAnswers[0]?.json()).toMatchObject({ error: 'invalid_request' });
    expect(await storedMessageIds('GOOD-1')).toHaveLength(200);
    expect(await storedMessageIds('BAD-1')).toHaveLength(0);
  });

  it("is rejected by its index in a batch, and the batch's good items are stored", async () => {
    const batch = [
      { assetId: 'GOOD-1', messageId: 'batch-0' },
      { assetId: 'GOOD-1', messageId: 'batch-1', timestamp: '0000-06-01T00:00:00Z' },
      { assetId: 'GOOD-1', messageId: 'batch-2' },
      { assetId: 'GOOD-1', messageId: 'batch-3', timestamp: '0000-01-01T00:00:00Z' },
    ];
    const answer = await test.request({ method: 'POST', url: '/api/v1/heartbeats', headers: adminHeaders, payload: batch });
    expect(answer.statusCode).toBe(202);
    expect(answer.json()).toMatchObject({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, error: 'invalid_request' },
        { index: 3, error: 'invalid_request' },
      ],
    });
    expect((await storedMessageIds('GOOD-1')).filter((m) => m.startsWith('batch'))).toEqual(['batch-0', 'batch-2']);
  });
});
