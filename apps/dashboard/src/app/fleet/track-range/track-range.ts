import type { TrackQueryParams } from '@beacon/contracts';

/** A window that ends now and so keeps growing with live positions, or a fixed one the user chose. */
export type TrackRange = { kind: 'last'; hours: number } | { kind: 'custom'; from: string; to: string };

export const LAST_HOUR: TrackRange = { kind: 'last', hours: 1 };
export const LAST_DAY: TrackRange = { kind: 'last', hours: 24 };
export const DEFAULT_TRACK_RANGE = LAST_DAY;

/**
 * The track request for a range at `now`. A "last …" range names only its start, so the server's
 * answer reaches its newest position (docs/API.md "Track": `to` is now when absent).
 */
export function trackQueryFor(range: TrackRange, now: number, maxPoints: number): TrackQueryParams {
  if (range.kind === 'custom') return { from: range.from, to: range.to, maxPoints };
  return { from: new Date(now - range.hours * 3_600_000).toISOString(), maxPoints };
}

/** Live positions belong on a window that ends now, never on one the user fixed in the past. */
export function followsLive(range: TrackRange): boolean {
  return range.kind === 'last';
}

export function sameRange(a: TrackRange, b: TrackRange): boolean {
  return a.kind === 'last' && b.kind === 'last' ? a.hours === b.hours : JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A custom range from two `datetime-local` values (the browser's local time), or why it is not one.
 * The server refuses `from` after `to` (a 400); an empty window is refused here too.
 */
export function customRange(fromLocal: string, toLocal: string): { range: TrackRange } | { error: string } {
  const from = Date.parse(fromLocal);
  const to = Date.parse(toLocal);
  if (Number.isNaN(from) || Number.isNaN(to)) return { error: 'Enter both a start and an end.' };
  if (from >= to) return { error: 'The start must be before the end.' };
  return { range: { kind: 'custom', from: new Date(from).toISOString(), to: new Date(to).toISOString() } };
}

/** A `datetime-local` value for a time, in the browser's local time, to the minute. */
export function toLocalInput(ms: number): string {
  const local = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
