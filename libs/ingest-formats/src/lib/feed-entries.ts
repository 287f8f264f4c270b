import type { AircraftItem, FeedResult, RejectedItem } from './ingest-result';
import type { Parsed } from './values/problems';

/**
 * Reads every entry of a feed document on its own: a malformed aircraft is reported under its index
 * and never costs the others their heartbeat, and none is dropped without a trace.
 */
export function readFeedEntries(
  entries: readonly unknown[],
  readEntry: (entry: unknown) => Parsed<Omit<AircraftItem, 'index'>>,
): FeedResult {
  const items: AircraftItem[] = [];
  const rejected: RejectedItem[] = [];
  entries.forEach((entry, index) => {
    const parsed = readEntry(entry);
    if (parsed.ok) items.push({ index, ...parsed.value });
    else rejected.push({ index, error: 'invalid_request', details: parsed.details });
  });
  return { ok: true, items, rejected };
}
