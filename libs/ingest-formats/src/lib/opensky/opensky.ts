import { findUnsafeAround, readFeedEntries } from '../feed-entries';
import type { FeedResult } from '../ingest-result';
import { UNIX_MILLISECONDS_ABOVE } from '../time/unix-time';
import { isRecord } from '../values/json-values';
import type { Problems } from '../values/problems';
import { openSkyFieldName, openSkyState } from './opensky-state';

/**
 * An OpenSky `/states/all` (or `/states/own`) response: `{ time, states }`, `time` in Unix seconds.
 * `states` is null when OpenSky has nothing for the area, which is an empty answer, not an error.
 * Like readsb, the document carries its own clock, so `receivedAt` is not needed.
 */
export function parseOpenSky(doc: unknown, _receivedAt: Date): FeedResult {
  if (!isRecord(doc)) return { ok: false, details: [{ field: '(body)', reason: 'must be a JSON object (/states/all)' }] };
  const unsafe = findUnsafeAround(doc, 'states');
  if (unsafe) return { ok: false, details: [unsafe] };
  const problems: Problems = [];
  const time = doc['time'];
  const states = doc['states'];
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || time > UNIX_MILLISECONDS_ABOVE) {
    problems.push({ field: 'time', reason: 'must be the Unix time in seconds' });
  }
  if (states !== null && !Array.isArray(states)) problems.push({ field: 'states', reason: 'must be an array or null' });
  if (problems.length > 0 || typeof time !== 'number') return { ok: false, details: problems };
  return readFeedEntries(Array.isArray(states) ? states : [], (state) => openSkyState(state, time), openSkyFieldName);
}
