import fc from 'fast-check';
import { recordHeartbeat } from './heartbeat';

const receivedAt = new Date('2026-11-25T12:00:00.000Z');

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

  it('normalises equal instants written differently to one string (the duplicate key)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: receivedAt.getTime() }), fc.integer({ min: -14, max: 14 }), (ms, offsetHours) => {
        const instant = new Date(ms);
        const shifted = new Date(ms + offsetHours * 3_600_000).toISOString().replace('Z', '');
        const sign = offsetHours >= 0 ? '+' : '-';
        const withOffset = `${shifted}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
        const a = recordHeartbeat('a1', { timestamp: instant.toISOString() }, receivedAt).data.timestamp;
        const b = recordHeartbeat('a1', { timestamp: withOffset }, receivedAt).data.timestamp;
        expect(b).toBe(a);
      }),
    );
  });
});
