import { dateFromUnixMilliseconds } from './unix-time';

/** `2026-11-25T12:00:00.123Z`, `2026-11-25 12:00:00`, `2026-11-25T13:00+01:00`, … (seconds optional). */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO-8601 date-time as an instant. Parsed by hand rather than by `new Date(text)`, which quietly
 * rolls 30 February over into March and reads a time without offset in the server's own time zone.
 * A time without offset is taken as UTC, so the result never depends on where the server runs.
 */
export function parseIsoDateTime(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const part = (index: number): number => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(asUtc);
  const sameFields =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  const offset = offsetMinutes(match[8]);
  if (!sameFields || offset === undefined) return undefined;
  return dateFromUnixMilliseconds(asUtc - offset * 60_000);
}

function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  return hours <= 23 && minutes <= 59 ? sign * (hours * 60 + minutes) : undefined;
}
