import { eventually } from '@beacon/testing';
import { adminHeaders, registerVehicle, startTestApp, type TestApp } from '../testing/test-app';

let test: TestApp;
const scrape = async (): Promise<string> => (await test.request({ method: 'GET', url: '/metrics' })).body;
const series = (metrics: string, name: string): number => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{projection="assets-read-model"} `));
  if (!line) throw new Error(`no ${name} for assets-read-model in:\n${metrics}`);
  return Number(line.split(' ').at(-1));
};

beforeAll(async () => {
  test = await startTestApp();
  await registerVehicle(test, 'VIN-PROJ');
}, 30_000);
afterAll(() => test.close());

describe('projection metrics', () => {
  it('report leadership, projected events, batch times, errors and a lag of 0 once caught up', async () => {
    const ping = await test.request({ method: 'POST', url: '/api/v1/assets/VIN-PROJ/heartbeats', headers: adminHeaders, payload: {} });
    expect(ping.statusCode).toBe(202);
    await eventually(async () => {
      const metrics = await scrape();
      expect(series(metrics, 'beacon_projection_leader')).toBe(1);
      expect(series(metrics, 'beacon_projection_events_total')).toBeGreaterThanOrEqual(3); // customer, asset, heartbeat
      expect(series(metrics, 'beacon_projection_batch_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(series(metrics, 'beacon_projection_errors_total')).toBe(0);
      expect(series(metrics, 'beacon_projection_lag_seconds')).toBe(0);
    });
  });
});
