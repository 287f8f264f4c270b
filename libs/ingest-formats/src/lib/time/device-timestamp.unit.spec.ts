import { parseDeviceTimestamp } from './device-timestamp';
import { dateFromAge } from './unix-time';

const iso = (text: string): string | undefined => parseDeviceTimestamp(text)?.toISOString();

describe('parseDeviceTimestamp', () => {
  it('reads Unix seconds, fractional seconds and milliseconds, told apart by magnitude', () => {
    expect(iso('1795607995')).toBe('2026-11-25T11:59:55.000Z');
    expect(iso('1795607995.25')).toBe('2026-11-25T11:59:55.250Z');
    expect(iso('1795607995250')).toBe('2026-11-25T11:59:55.250Z');
    // Just below and above the 1e11 boundary: seconds in the year 5138, milliseconds in 1973.
    expect(iso('99999999999')).toBe('5138-11-16T09:46:39.000Z');
    expect(iso('100000000001')).toBe('1973-03-03T09:46:40.001Z');
  });

  it('reads ISO-8601 with Z, with an offset, with a space, and without offset as UTC', () => {
    expect(iso('2026-11-25T11:59:55.250Z')).toBe('2026-11-25T11:59:55.250Z');
    expect(iso('2026-11-25T12:59:55+01:00')).toBe('2026-11-25T11:59:55.000Z');
    expect(iso('2026-11-25T06:29:55-0530')).toBe('2026-11-25T11:59:55.000Z');
    expect(iso('2026-11-25 11:59:55')).toBe('2026-11-25T11:59:55.000Z');
    expect(iso('2026-11-25T11:59:55.123456Z')).toBe('2026-11-25T11:59:55.123Z');
  });

  it('refuses what is not a real instant instead of guessing', () => {
    for (const text of [
      '',
      'yesterday',
      '0x6A0',
      'Infinity',
      '-5',
      '2026-02-30T00:00:00Z',
      '2026-11-25T24:00:00Z',
      '2026-11-25',
      '2026-11-25T12:00:00+25:00',
      '1e300',
    ]) {
      expect(iso(text)).toBeUndefined();
    }
  });
});

describe('dateFromAge', () => {
  it('dates a report by now − age, rounding each to the millisecond so re-sent reports match', () => {
    expect(dateFromAge(1795608000.3, 0.4)?.toISOString()).toBe('2026-11-25T11:59:59.900Z');
    expect(dateFromAge(1795608001.3, 1.4)?.toISOString()).toBe('2026-11-25T11:59:59.900Z');
  });
});
