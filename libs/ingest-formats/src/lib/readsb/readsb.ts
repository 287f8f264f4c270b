import { findUnsafeAround, readFeedEntries } from '../feed-entries';
import type { FeedResult } from '../ingest-result';
import { UNIX_MILLISECONDS_ABOVE } from '../time/unix-time';
import { isRecord } from '../values/json-values';
import type { Problems } from '../values/problems';
import { readsbAircraft } from './readsb-aircraft';

/**
 * A readsb / tar1090 (or dump1090) `aircraft.json`: `{ now, messages, aircraft: [...] }`, `now` in Unix
 * seconds. Every aircraft becomes a heartbeat, without lat/lon when it has no position.
 * The document carries its own clock (`now`), so `receivedAt` is not needed: a feeder that re-posts a
 * stale file must not have its old positions dated as fresh.
 */
export function parseReadsb(doc: unknown, _receivedAt: Date): FeedResult {
  if (!isRecord(doc)) return { ok: false, details: [{ field: '(body)', reason: 'must be a JSON object (aircraft.json)' }] };
  const unsafe = findUnsafeAround(doc, 'aircraft');
  if (unsafe) return { ok: false, details: [unsafe] };
  const problems: Problems = [];
  const now = doc['now'];
  const aircraft = doc['aircraft'];
  if (typeof now !== 'number' || !Number.isFinite(now) || now < 0 || now > UNIX_MILLISECONDS_ABOVE) {
    problems.push({ field: 'now', reason: 'must be the Unix time in seconds' });
  }
  if (!Array.isArray(aircraft)) problems.push({ field: 'aircraft', reason: 'must be an array' });
  if (problems.length > 0 || typeof now !== 'number' || !Array.isArray(aircraft)) return { ok: false, details: problems };
  return readFeedEntries(aircraft, (entry) => readsbAircraft(entry, now));
}
