import fc from 'fast-check';
import { recordHeartbeat } from './heartbeat';

const receivedAt = new Date('2026-11-25T12:00:00.000Z');
/** For the tests of how times are read, not of the window they must lie in: any age goes. */
const ANY_AGE = 1_000_000;

describe('recordHeartbeat', () => {
  it('defaults the timestamp to the time received and leaves absent fields null', () => {
    const event = recordHeartbeat('a1', {}, receivedAt);
    expect(event.data).toEqual(expect.objectContaining({ timestamp: receivedAt.toISOString(), lat: null, lon: null }));
  });

  it('accepts up to 5 minutes of clock skew and refuses more', () => {
    const inFive = new Date(receivedAt.getTime() + 5 * 60_000).toISOString();
    const inSix = new Date(receivedAt.getTime() + 6 * 60_000).toISOString();
    expect(recordHeartbeat('a1', { timestamp: inFive }, receivedAt).data.timestamp).toBe(inFive);
    expect(() => recordHeartbeat('a1', { timestamp: inSix }, receivedAt)).toThrow(
      expect.objectContaining({ code: 'timestamp_in_future', field: 'timestamp' }),
    );
  });

  it('accepts heartbeats up to the maximum age (30 days unless given) and refuses older ones', () => {
    const daysAgo = (days: number) => new Date(receivedAt.getTime() - days * 86_400_000).toISOString();
    expect(recordHeartbeat('a1', { timestamp: daysAgo(30) }, receivedAt).data.timestamp).toBe(daysAgo(30));
    expect(() => recordHeartbeat('a1', { timestamp: daysAgo(30.001) }, receivedAt)).toThrow(
      expect.objectContaining({ code: 'timestamp_too_old', field: 'timestamp', message: 'must not be more than 30 days old' }),
    );
    expect(recordHeartbeat('a1', { timestamp: daysAgo(89) }, receivedAt, 90).data.timestamp).toBe(daysAgo(89));
    expect(() => recordHeartbeat('a1', { timestamp: '1900-01-01T00:00:00Z' }, receivedAt, 90)).toThrow(
      expect.objectContaining({ code: 'timestamp_too_old' }),
    );
  });

  it('normalises equal instants written differently to one string (the duplicate key)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: receivedAt.getTime() }), fc.integer({ min: -14, max: 14 }), (ms, offsetHours) => {
        const instant = new Date(ms);
        const shifted = new Date(ms + offsetHours * 3_600_000).toISOString().replace('Z', '');
        const sign = offsetHours >= 0 ? '+' : '-';
        const withOffset = `${shifted}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
        const a = recordHeartbeat('a1', { timestamp: instant.toISOString() }, receivedAt, ANY_AGE).data.timestamp;
        const b = recordHeartbeat('a1', { timestamp: withOffset }, receivedAt, ANY_AGE).data.timestamp;
        expect(b).toBe(a);
      }),
    );
  });

  it('stores an impossible calendar date as the instant it rolls over to, and refuses what is no date', () => {
    expect(recordHeartbeat('a1', { timestamp: '2026-02-30T10:00:00.000Z' }, receivedAt, ANY_AGE).data.timestamp).toBe(
      '2026-03-02T10:00:00.000Z',
    );
    expect(() => recordHeartbeat('a1', { timestamp: '2026-11-25T25:00:00.000Z' }, receivedAt)).toThrow(
      expect.objectContaining({ code: 'invalid_timestamp', field: 'timestamp' }),
    );
  });

  it('keeps aircraft fields only when sent', () => {
    expect(recordHeartbeat('a1', {}, receivedAt).data).not.toHaveProperty('callsign');
    expect(recordHeartbeat('a1', {}, receivedAt).data).not.toHaveProperty('category');
    const sent = { callsign: 'SAS123', category: 'A3', onGround: false, squawk: '7000', verticalRate: -3.25 };
    expect(recordHeartbeat('a1', sent, receivedAt).data).toEqual(expect.objectContaining(sent));
  });
});
