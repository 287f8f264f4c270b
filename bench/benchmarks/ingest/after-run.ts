import type { EventLog } from './event-log';

/**
 * Between two runs: a server's projector may still be working through what the last run stored,
 * and that work must not load the next run (least of all a baseline). `settle` waits until the
 * projections of every server's log have caught up — untimed, before the next run — and reports
 * the finished run with that time, so its line follows the harness's line for it.
 */
export class AfterRun {
  private pending: { line: string; catchUp: number[] | null } | null = null;

  constructor(
    private readonly eventLogs: readonly EventLog[],
    private readonly timeoutMs: number,
    private readonly log: (line: string) => void,
  ) {}

  /** A run has ended: `line` describes it; the catch-up time goes to `catchUp` (null: a warm-up). */
  finished(line: string, catchUp: number[] | null): void {
    this.pending = { line, catchUp };
  }

  async settle(): Promise<void> {
    let seconds = 0;
    for (const eventLog of this.eventLogs) seconds += await eventLog.waitForProjections(this.timeoutMs);
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    pending.catchUp?.push(seconds);
    this.log(`${pending.line}; projector caught up ${seconds.toFixed(1)} s later`);
  }
}
