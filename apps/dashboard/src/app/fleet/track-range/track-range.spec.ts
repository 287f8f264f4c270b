import { LAST_DAY, LAST_HOUR, customRange, followsLive, sameRange, toLocalInput, trackQueryFor } from './track-range';

describe('track ranges', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');

  it('asks for a "last …" range from its start, leaving the end to the server (now)', () => {
    expect(trackQueryFor(LAST_HOUR, now, 500)).toEqual({ from: '2026-11-25T11:00:00.000Z', maxPoints: 500 });
    expect(trackQueryFor(LAST_DAY, now, 500)).toEqual({ from: '2026-11-24T12:00:00.000Z', maxPoints: 500 });
  });

  it('asks for a custom range from its start to its end', () => {
    const range = { kind: 'custom', from: '2026-11-20T08:00:00.000Z', to: '2026-11-20T17:00:00.000Z' } as const;
    expect(trackQueryFor(range, now, 500)).toEqual({ from: range.from, to: range.to, maxPoints: 500 });
  });

  it('follows live positions only on a window that ends now', () => {
    expect(followsLive(LAST_HOUR)).toBeTrue();
    expect(followsLive(LAST_DAY)).toBeTrue();
    expect(followsLive({ kind: 'custom', from: '2026-11-20T08:00:00.000Z', to: '2026-11-20T17:00:00.000Z' })).toBeFalse();
  });

  it('reads a custom range from local date-times, and refuses one whose start is not before its end', () => {
    const from = toLocalInput(Date.parse('2026-11-20T08:00:00.000Z'));
    const to = toLocalInput(Date.parse('2026-11-20T17:30:00.000Z'));
    expect(customRange(from, to)).toEqual({ range: { kind: 'custom', from: '2026-11-20T08:00:00.000Z', to: '2026-11-20T17:30:00.000Z' } });
    expect(customRange(to, from)).toEqual({ error: 'The start must be before the end.' });
    expect(customRange(from, from)).toEqual({ error: 'The start must be before the end.' });
    expect(customRange('', to)).toEqual({ error: 'Enter both a start and an end.' });
  });

  it('tells ranges apart', () => {
    expect(sameRange(LAST_DAY, { kind: 'last', hours: 24 })).toBeTrue();
    expect(sameRange(LAST_DAY, LAST_HOUR)).toBeFalse();
  });
});
