let lastMs = 0;
let lastIso = '';

/**
 * The current time as ISO-8601 (what `new Date().toISOString()` gives), formatted once per
 * millisecond: a busy ingest answers a dozen requests in one, and each stamps its events and its
 * access-log line.
 */
export function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}
