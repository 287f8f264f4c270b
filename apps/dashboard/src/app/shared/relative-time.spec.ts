import { formatRelativeTime } from './relative-time';

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('says "never" when there is no time', () => {
    expect(formatRelativeTime(null, now)).toBe('never');
  });

  it('says "never" for a time it cannot parse', () => {
    expect(formatRelativeTime('not a date', now)).toBe('never');
  });

  it('counts whole seconds below a minute', () => {
    expect(formatRelativeTime(ago(0), now)).toBe('0 s ago');
    expect(formatRelativeTime(ago(12_400), now)).toBe('12 s ago');
    expect(formatRelativeTime(ago(59_999), now)).toBe('59 s ago');
  });

  it('switches to minutes, hours and days at their boundaries', () => {
    expect(formatRelativeTime(ago(60_000), now)).toBe('1 min ago');
    expect(formatRelativeTime(ago(59 * 60_000 + 59_000), now)).toBe('59 min ago');
    expect(formatRelativeTime(ago(3_600_000), now)).toBe('1 h ago');
    expect(formatRelativeTime(ago(23 * 3_600_000), now)).toBe('23 h ago');
    expect(formatRelativeTime(ago(24 * 3_600_000), now)).toBe('1 d ago');
    expect(formatRelativeTime(ago(9 * 86_400_000), now)).toBe('9 d ago');
  });

  it('reads a time slightly in the future as "0 s ago"', () => {
    expect(formatRelativeTime(ago(-3_000), now)).toBe('0 s ago');
  });
});
