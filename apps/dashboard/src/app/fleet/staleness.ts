/** The page promises data no older than this; past it the header says the data is stale. */
export const STALE_AFTER_MS = 10_000;

/**
 * Stale when the last request failed, or the last good answer (or, before the first one, the
 * moment the page started asking) is older than the threshold.
 */
export function isStale(lastGoodAt: number, lastRequestFailed: boolean, nowMs: number, staleAfterMs = STALE_AFTER_MS): boolean {
  return lastRequestFailed || nowMs - lastGoodAt > staleAfterMs;
}
