import { AccessSummary } from './access-summary';

describe('AccessSummary', () => {
  it('counts each route apart: requests by status, mean and longest duration, distinct keys', () => {
    const summary = new AccessSummary();
    summary.count('POST', '/api/v1/assets/:id/heartbeats', 202, 2, 'key-a');
    summary.count('POST', '/api/v1/assets/:id/heartbeats', 400, 9.5, 'key-b');
    summary.count('POST', '/api/v1/assets/:id/heartbeats', 202, 1, 'key-a');
    summary.count('GET', '/api/v1/ingest/osmand', 200, 3, null);
    expect(summary.take()).toEqual([
      {
        method: 'POST',
        route: '/api/v1/assets/:id/heartbeats',
        requests: 3,
        statuses: { '202': 2, '400': 1 },
        msMean: 4.2,
        msMax: 9.5,
        keys: 2,
      },
      { method: 'GET', route: '/api/v1/ingest/osmand', requests: 1, statuses: { '200': 1 }, msMean: 3, msMax: 3, keys: 0 },
    ]);
  });

  it('starts again after each take, and has nothing for a quiet interval', () => {
    const summary = new AccessSummary();
    summary.count('POST', '/api/v1/heartbeats', 202, 4, 'key-a');
    expect(summary.take()).toHaveLength(1);
    expect(summary.take()).toEqual([]);
    summary.count('POST', '/api/v1/heartbeats', 503, 1, 'key-a');
    expect(summary.take()).toEqual([
      { method: 'POST', route: '/api/v1/heartbeats', requests: 1, statuses: { '503': 1 }, msMean: 1, msMax: 1, keys: 1 },
    ]);
  });
});
