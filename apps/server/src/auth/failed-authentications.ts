/** How long a client address's count of invalid keys runs before it starts again. */
const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 100_000;

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Counts invalid keys per client address in fixed one-minute windows. An address over the limit is
 * refused before its key is looked up, so guessing keys, or a flood of made-up ones, costs the
 * database nothing; keys already known valid are checked in memory first and never refused here.
 */
export class FailedAuthentications {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly perMinute: number) {}

  /** Seconds until the address may try again, or 0 when it may try now. */
  blockedFor(address: string, now = Date.now()): number {
    const window = this.windows.get(address);
    if (!window || now - window.startedAt >= WINDOW_MS || window.failures < this.perMinute) return 0;
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
  }

  failed(address: string, now = Date.now()): void {
    const window = this.windows.get(address);
    if (window && now - window.startedAt < WINDOW_MS) {
      window.failures++;
      return;
    }
    if (this.windows.size >= MAX_ADDRESSES) this.windows.clear();
    this.windows.set(address, { startedAt: now, failures: 1 });
  }
}
