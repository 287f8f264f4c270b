import { findUnsafeValue, type ApiErrorDetail } from '@beacon/contracts';
import type { AircraftItem, FeedResult, RejectedItem } from './ingest-result';
import type { Parsed } from './values/problems';

/** How deep an entry lies in its document (document → list → entry), for the nesting limit. */
const ENTRY_DEPTH = 2;

/**
 * Reads every entry of a feed document on its own: a malformed aircraft is reported under its index
 * and never costs the others their heartbeat, and none is dropped without a trace. An entry holding
 * text the API refuses anywhere (a NUL, an unpaired surrogate; decision 021) or nested too deep is
 * rejected before it is read, so nothing of it reaches the store (decision 023). `nameField` turns
 * the path to such text into the field name the format's documentation uses.
 */
export function readFeedEntries(
  entries: readonly unknown[],
  readEntry: (entry: unknown) => Parsed<Omit<AircraftItem, 'index'>>,
  nameField: (path: string) => string = (path) => path,
): FeedResult {
  const items: AircraftItem[] = [];
  const rejected: RejectedItem[] = [];
  entries.forEach((entry, index) => {
    const unsafe = findUnsafeValue(entry, '', ENTRY_DEPTH);
    const parsed = unsafe ? { ok: false as const, details: [{ ...unsafe, field: nameField(unsafe.field) || '(item)' }] } : readEntry(entry);
    if (parsed.ok) items.push({ index, ...parsed.value });
    else rejected.push({ index, error: 'invalid_request', details: parsed.details });
  });
  return { ok: true, items, rejected };
}

/**
 * Unsafe text or nesting in the document around its list of entries (the list is checked entry by
 * entry): then the document is refused as a whole, as any other request body would be.
 */
export function findUnsafeAround(doc: Record<string, unknown>, listKey: string): ApiErrorDetail | null {
  return findUnsafeValue({ ...doc, [listKey]: null }, '');
}
