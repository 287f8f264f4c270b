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

  it('stores an impossible calendar date as the instant it rolls over to, and refuses what is no date', () => {
    expect(recordHeartbeat('a1', { timestamp: '2026-02-30T10:00:00.000Z' }, receivedAt).data.timestamp).toBe('2026-03-02T10:00:00.000Z');
    expect(() => recordHeartbeat('a1', { timestamp: '2026-11-25T25:00:00.000Z' }, receivedAt)).toThrow(
      expect.objectContaining({ code: 'invalid_timestamp', field: 'timestamp' }),
    );
  });

  it('keeps aircraft fields only when sent', () => {
    expect(recordHeartbeat('a1', {}, receivedAt).data).not.toHaveProperty('callsign');
    const aircraft = recordHeartbeat('a1', { callsign: 'SAS123', onGround: false, squawk: '7000', verticalRate: -3.25 }, receivedAt).data;
    expect(aircraft).toEqual(expect.objectContaining({ callsign: 'SAS123', onGround: false, squawk: '7000', verticalRate: -3.25 }));
  });
});
