import type { Observable } from 'rxjs';
import { switchMap, timer } from 'rxjs';

/** A heartbeat must show within 2 s: without the live stream a 1 s poll leaves the rest for the projection. */
export const POLL_INTERVAL_MS = 1_000;
/** While the live stream carries the changes the poll is only a safety net for what it missed. */
export const LIVE_POLL_INTERVAL_MS = 10_000;

/**
 * When to poll: after `delayMs`, then every second without the live stream and every ten seconds
 * with it. A change of the stream's state polls at once: on connecting, for what changed before it
 * was up; on losing it, because the last answer may be ten seconds old.
 */
export function pollTicks(connected: Observable<boolean>, delayMs: number): Observable<number> {
  return connected.pipe(switchMap((up, index) => timer(index === 0 ? delayMs : 0, up ? LIVE_POLL_INTERVAL_MS : POLL_INTERVAL_MS)));
}
