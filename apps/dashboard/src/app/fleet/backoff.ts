import type { MonoTypeOperatorFunction } from 'rxjs';
import { retry, timer } from 'rxjs';

const FIRST_RETRY_MS = 1_000;
/** Capped low so the page recovers within seconds once the server is back. */
const MAX_RETRY_MS = 10_000;

/** 1 s, 2 s, 4 s, 8 s, then every 10 s; `attempt` counts from 1 as rxjs `retry` does. */
export function backoffMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);
}

/** Retries for ever, waiting longer after each failure; `onFailure` hears every error first. */
export function retryWithBackoff<T>(onFailure: (error: unknown) => void = () => undefined): MonoTypeOperatorFunction<T> {
  return retry({
    delay: (error: unknown, attempt) => {
      onFailure(error);
      return timer(backoffMs(attempt));
    },
  });
}
