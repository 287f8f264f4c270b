/**
 * Devices send Unix time in seconds or in milliseconds without saying which. 1e11 tells them apart
 * for any real date: 1e11 s is the year 5138, 1e11 ms is March 1973.
 */
export const UNIX_MILLISECONDS_ABOVE = 1e11;

/** The latest instant a JavaScript Date can hold; beyond it `toISOString()` throws. */
const LATEST_DATE_MS = 8.64e15;

/** An instant from Unix milliseconds; undefined for what no Date can hold or for times before 1970. */
export function dateFromUnixMilliseconds(milliseconds: number): Date | undefined {
  if (!Number.isFinite(milliseconds) || milliseconds < 0 || milliseconds > LATEST_DATE_MS) return undefined;
  return new Date(Math.round(milliseconds));
}

export function dateFromUnixSeconds(seconds: number): Date | undefined {
  return dateFromUnixMilliseconds(seconds * 1000);
}

/** Seconds or milliseconds, told apart by magnitude. */
export function dateFromUnixTime(value: number): Date | undefined {
  return value > UNIX_MILLISECONDS_ABOVE ? dateFromUnixMilliseconds(value) : dateFromUnixSeconds(value);
}

/**
 * `reference − age`, both in (fractional) seconds, e.g. readsb's `now − seen_pos`. Each is rounded to
 * whole milliseconds first, so a position re-sent in the next document (now + 1, seen_pos + 1) gets the
 * same timestamp, and the duplicate check on (asset, timestamp) catches it.
 */
export function dateFromAge(referenceSeconds: number, ageSeconds: number): Date | undefined {
  return dateFromUnixMilliseconds(Math.round(referenceSeconds * 1000) - Math.round(ageSeconds * 1000));
}
