import { eventually } from '@beacon/testing';
import { Client } from 'pg';
import { Readiness } from '../health/readiness';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

let test: TestApp;
const ping = (messageId: string) =>
  test.request({ method: 'POST', url: '/api/v1/assets/VIN-OPS/heartbeats', headers: adminHeaders, payload: { messageId } });

beforeAll(async () => {
  test = await startTestApp({ BEACON_RATE_LIMIT_PER_SECOND: '20' });
  await registerVehicle(test, 'VIN-OPS');
});
afterAll(() => test.close());

describe('operations', () => {
  it('exposes Prometheus metrics: requests, heartbeats by outcome, group-commit batches', async () => {
    await ping('m-1');
    await ping('m-1');
    const metrics = (await test.request({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/beacon_heartbeats_total\{outcome="accepted"\} [1-9]/);
    expect(metrics).toMatch(/beacon_heartbeats_total\{outcome="duplicate"\} [1-9]/);
    // Every outcome is exported from the start, so a rate of rejections is 0 rather than absent.
    expect(metrics).toMatch(/beacon_heartbeats_total\{outcome="rejected"\} 0/);
    expect(metrics).toMatch(/beacon_group_commit_batch_rows_count [1-9]/);
    expect(metrics).toMatch(/beacon_http_requests_total\{method="POST",route="\/api\/v1\/assets\/:id\/heartbeats",status="202"\} [1-9]/);
  });

  it('labels requests by route pattern and status, refusals included, and unknown URLs as unmatched', async () => {
    await test.request({ method: 'GET', url: '/api/v1/assets/VIN-OPS', headers: { authorization: 'Bearer not-a-key' } });
    await test.request({ method: 'GET', url: '/no/such/page' });
    const metrics = (await test.request({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/beacon_http_requests_total\{method="GET",route="\/api\/v1\/assets\/:id",status="401"\} 1\b/);
    expect(metrics).toMatch(/beacon_http_requests_total\{method="GET",route="unmatched",status="404"\} 1\b/);
    expect(metrics).toMatch(/beacon_http_request_duration_seconds_count\{method="GET",route="unmatched"\} 1\b/);
    expect(metrics).not.toMatch(/route="\/no\/such\/page"/);
  });

  it('counts items a batch refuses while parsing as rejected heartbeats', async () => {
    const batch = [{ assetId: 'VIN-OPS', messageId: 'm-2' }, { assetId: 'VIN-OPS', lat: 91 }, { assetId: 'VIN-NONE' }];
    const answer = await test.request({ method: 'POST', url: '/api/v1/heartbeats', headers: adminHeaders, payload: batch });
    expect(answer.json()).toMatchObject({
      accepted: 1,
      rejected: [
        { index: 1, error: 'invalid_request' },
        { index: 2, error: 'unknown_asset' },
      ],
    });
    const metrics = (await test.request({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/beacon_heartbeats_total\{outcome="rejected"\} 2\b/);
  });

  it('answers 429 with Retry-After past the per-key rate, while another key is still served', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a fresh window
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => ping(`burst-${i}`)));
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(limited[0]?.headers['retry-after']).toMatch(/^[1-9]/);
    expect(limited[0]?.headers['x-ratelimit-limit']).toBe('20');
    expect(limited[0]?.json()).toMatchObject({ error: 'rate_limited' });
    // Answers under the limit stay small: no rate headers on every heartbeat's 202.
    const served = answers.find((r) => r.statusCode === 202);
    expect(served?.headers['x-ratelimit-remaining']).toBeUndefined();
    expect((await test.request({ method: 'GET', url: '/api/v1/assets' })).statusCode).toBe(200);
  });

  it('never limits health checks and metrics, which the platform polls', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const urls = ['/health/live', '/health/ready', '/metrics'];
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => test.request({ method: 'GET', url: urls[i % 3] })));
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
    // The same client address is limited on an ordinary route.
    const limited = await Promise.all(Array.from({ length: 30 }, () => test.request({ method: 'GET', url: '/api/v1/assets' })));
    expect(limited.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(10);
  });

  it('answers 503 with Retry-After, never 202, while the event log cannot be written, and recovers', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const admin = new Client({ connectionString: test.databaseUrl });
    await admin.connect();
    const database = (await admin.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '';
    await admin.query(`ALTER DATABASE ${database} SET default_transaction_read_only = on`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
    try {
      const refused = await ping('during-outage');
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.json().error).toBe('unavailable');
    } finally {
      await admin.query(`ALTER DATABASE ${database} RESET default_transaction_read_only`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
        database,
      ]);
      await admin.end();
    }
    await eventually(async () => expect((await ping('after-outage')).statusCode).toBe(202));
  });

  // Last: a process that drains does not come back.
  it('fails readiness with 503 and Retry-After once it drains for a stop, and still serves meanwhile', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await test.request({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    test.app.get(Readiness).drain();
    const ready = await test.request({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('1');
    expect(ready.json()).toMatchObject({ error: 'unavailable', message: 'the server is stopping' });
    expect((await test.request({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await ping('while-draining')).statusCode).toBe(202);
  });
});
