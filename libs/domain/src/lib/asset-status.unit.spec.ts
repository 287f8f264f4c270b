import { assetStatus } from './asset-status';

describe('assetStatus', () => {
  const now = new Date('2026-11-25T12:00:00.000Z');
  const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

  it('is unknown when no heartbeat was ever received', () => {
    expect(assetStatus(null, 60, now)).toBe('unknown');
  });
  it('is online while the last heartbeat is younger than the timeout', () => {
    expect(assetStatus(secondsAgo(59.9), 60, now)).toBe('online');
  });
  it('is offline once the timeout has passed', () => {
    expect(assetStatus(secondsAgo(60), 60, now)).toBe('offline');
    expect(assetStatus(secondsAgo(3), 2, now)).toBe('offline');
  });
});
