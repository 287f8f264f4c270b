import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('uses the largest unit that fits, with the next one when it is not zero', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59_999)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(59 * 60_000 + 59_000)).toBe('59 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
    expect(formatDuration(24 * 3_600_000)).toBe('1 d');
    expect(formatDuration(52 * 3_600_000 + 30 * 60_000)).toBe('2 d 4 h');
  });

  it('reads a negative span as zero', () => {
    expect(formatDuration(-5_000)).toBe('0 s');
  });
});
