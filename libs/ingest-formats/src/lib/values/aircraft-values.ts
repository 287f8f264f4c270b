import { CALLSIGN_MAX_LENGTH, ICAO24_PATTERN, SQUAWK_PATTERN } from './limits';
import { optionalString } from './json-values';
import type { Problems } from './problems';

/**
 * An aircraft's address as Beacon keys it: lower-case hex, as readsb writes it, with the leading `~`
 * kept because readsb uses it for non-ICAO addresses (TIS-B, anonymised) that could clash with real ones.
 */
export function aircraftAddress(value: unknown, field: string, problems: Problems): string | undefined {
  if (typeof value !== 'string') {
    problems.push({ field, reason: 'is required: the 24-bit address as 6 hex digits' });
    return undefined;
  }
  const address = value.trim().toLowerCase();
  if (ICAO24_PATTERN.test(address)) return address;
  problems.push({ field, reason: 'must be 6 hex digits, optionally after ~' });
  return undefined;
}

/** Callsigns are sent padded to 8 characters; blank means the aircraft has not sent one. */
export function optionalCallsign(value: unknown, field: string, problems: Problems): string | undefined {
  const callsign = optionalString(value, field, problems)?.trim();
  if (callsign === undefined || callsign === '') return undefined;
  if (callsign.length <= CALLSIGN_MAX_LENGTH) return callsign;
  problems.push({ field, reason: `must be at most ${CALLSIGN_MAX_LENGTH} characters` });
  return undefined;
}

export function optionalSquawk(value: unknown, field: string, problems: Problems): string | undefined {
  const squawk = optionalString(value, field, problems);
  if (squawk === undefined || squawk === '') return undefined;
  if (SQUAWK_PATTERN.test(squawk)) return squawk;
  problems.push({ field, reason: 'must be 4 octal digits' });
  return undefined;
}
