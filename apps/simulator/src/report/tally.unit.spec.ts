import type { OutgoingRequest } from '../formats/outgoing-request';
import { percentile, Tally } from './tally';

const request = (heartbeats: number, kind: OutgoingRequest['kind'] = 'vehicle'): OutgoingRequest => ({
  method: 'POST',
  path: '/api/v1/heartbeats',
  kind,
  heartbeats,
});

describe('Tally', () => {
  it('counts what each answer accepted and refused, by status and code, per kind', () => {
    const tally = new Tally();
    tally.add(request(3), {
      status: 202,
      latencyMs: 10,
      body: { accepted: 1, duplicates: 1, rejected: [{ index: 2, error: 'unknown_asset', details: [] }] },
    });
    tally.add(request(2, 'aircraft'), { status: 503, latencyMs: 30, body: { error: 'unavailable' } });
    tally.add(request(1), { status: 0, latencyMs: 1, body: null, failure: 'ECONNREFUSED' });
    expect(tally.byKind).toEqual({
      vehicle: { sent: 4, accepted: 1, duplicates: 1, rejected: 2 },
      aircraft: { sent: 2, accepted: 0, duplicates: 0, rejected: 2 },
    });
    expect(Object.fromEntries(tally.rejections)).toEqual({ '202 unknown_asset': 1, '503 unavailable': 2, '0 ECONNREFUSED': 1 });
    expect(tally.requests).toBe(3);
    expect(tally.errors).toBe(4);
  });
});

describe('percentile', () => {
  it('is the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });
});
