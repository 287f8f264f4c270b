import { beginOrderedAppend } from '@beacon/event-store';
import { Client } from 'pg';
import { adminHeaders, migratedTestDatabase, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

/**
 * A database that stalls (here: the event log's ordering lock held by another session, as a long
 * append or a stuck transaction would) must not hold heartbeats forever nor let them pile up in
 * memory: statements time out, and the writer's queue is bounded; both answer 503 with
 * Retry-After, and what was acknowledged is stored.
 */
const ping = (test: TestApp, assetId: string) =>
  test.request({ method: 'POST', url: `/api/v1/assets/${assetId}/heartbeats`, headers: adminHeaders, payload: { lat: 59.3, lon: 18.1 } });

/** Holds the event log's ordering lock in an open transaction until released. */
async function stallTheLog(databaseUrl: string): Promise<{ release(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await beginOrderedAppend(client, { exclusive: true });
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** The answer, or 'no answer' after `ms`: a request that hangs fails the test instead of the run. */
async function within<T>(ms: number, work: Promise<T>): Promise<T | 'no answer'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'no answer'>((resolve) => (timer = setTimeout(() => resolve('no answer'), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function storedHeartbeats(databaseUrl: string, assetId: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM heartbeats WHERE asset_id = $1', [assetId]);
    return Number(result.rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe('a statement that waits too long', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ BEACON_DATABASE_STATEMENT_TIMEOUT_MS: '500' }, await migratedTestDatabase());
    await registerVehicle(test, 'STALL-1');
  });
  afterAll(() => test.close());

  it('is cancelled after BEACON_DATABASE_STATEMENT_TIMEOUT_MS: 503 with Retry-After, then 202 once the log moves', async () => {
    const stall = await stallTheLog(test.databaseUrl);
    const started = performance.now();
    const answer = await within(5000, ping(test, 'STALL-1'));
    await stall.release();
    expect(answer).not.toBe('no answer');
    if (answer === 'no answer') return;
    expect(answer.statusCode).toBe(503);
    expect(answer.json().error).toBe('unavailable');
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
    expect((await ping(test, 'STALL-1')).statusCode).toBe(202);
    expect(await storedHeartbeats(test.databaseUrl, 'STALL-1')).toBe(1);
  });
});

describe('the heartbeat writer queue', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ BEACON_HEARTBEAT_QUEUE_ROWS: '50' }, await migratedTestDatabase());
    await registerVehicle(test, 'QUEUE-1');
  });
  afterAll(() => test.close());

  it('answers 503 with Retry-After at once when full, counts it, and stores every heartbeat it acknowledged', async () => {
    const stall = await stallTheLog(test.databaseUrl);
    const answeredWhileStalled: number[] = [];
    const answers = Array.from({ length: 300 }, () => ping(test, 'QUEUE-1'));
    for (const answer of answers) void answer.then((a) => answeredWhileStalled.push(a.statusCode));
    // With the log stalled, only the queue's overflow can be answered: at once, not when it moves.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const early = [...answeredWhileStalled];
    await stall.release();
    const settled = await Promise.all(answers);
    const acknowledged = settled.filter((a) => a.statusCode === 202).length;
    const refused = settled.filter((a) => a.statusCode === 503);
    expect(early.length).toBeGreaterThanOrEqual(100);
    expect(early.every((status) => status === 503)).toBe(true);
    expect(acknowledged + refused.length).toBe(300);
    expect(refused.every((a) => a.json().error === 'unavailable' && Number(a.headers['retry-after']) > 0)).toBe(true);
    // Pings without a timestamp take the time they arrive: some share a millisecond and are duplicates.
    const stored = settled.filter((a) => a.statusCode === 202).reduce((sum, a) => sum + a.json<{ accepted: number }>().accepted, 0);
    expect(await storedHeartbeats(test.databaseUrl, 'QUEUE-1')).toBe(stored);
    const metrics = (await test.request({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain(`beacon_heartbeat_queue_refused_total ${refused.length}`);
  });
});
