import type { ClientConfig } from 'pg';
import { LogListener } from './log-listener';
import type { RecordedEvent } from './recorded-event';

/** Where a run of failed batches stands: `failures` in a row (1 starts a streak), next try in `retryInMs`. */
export interface FailureStreak {
  failures: number;
  retryInMs: number;
}

/** A batch that was read and handled. */
export interface HandledBatch {
  events: RecordedEvent[];
  /** Read, handled (and committed, where the follower stores a checkpoint), in seconds. */
  seconds: number;
  /** The batch filled its size, so more events are probably waiting. */
  full: boolean;
}

/** How a follower of the log waits, retries and reports. */
export interface FollowOptions {
  /** The safety-net poll, for when a notification is lost. */
  pollIntervalMs?: number;
  /** A failed batch is retried after `initialMs`, doubling up to `maxMs`; a success resets it. */
  retry?: { initialMs?: number; maxMs?: number };
  /** Every failure: with its streak for a failed batch, without for trouble on the LISTEN connection. */
  onError?: (error: Error, streak?: FailureStreak) => void;
  /** The first success after `failures` failed batches. */
  onRecover?: (failures: number) => void;
  /** After each non-empty batch. Callbacks must not throw. */
  onBatch?: (batch: HandledBatch) => void;
}

/** The pause before retry number `failures`: exponential, capped. */
export function retryDelay(failures: number, retry: FollowOptions['retry'] = {}): number {
  const initial = retry.initialMs ?? 100;
  return Math.min(retry.maxMs ?? 5_000, initial * 2 ** Math.max(0, failures - 1));
}

/**
 * The loop every follower of the log runs: take a batch with `step`, then sleep until a
 * notification (LISTEN/NOTIFY) or the safety-net poll, unless the batch was full; after a failure,
 * back off exponentially, and let notifications not cut that pause short.
 */
export class FollowLoop {
  private readonly listener: LogListener;
  /** Ends the current pause early; set only for pauses that a notification may cut short. */
  private wake: (() => void) | null = null;
  /** Ends the current pause of either kind: `stop()` must not wait out a backoff. */
  private interrupt: (() => void) | null = null;
  private pending = false;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    connection: ClientConfig,
    private readonly step: () => Promise<HandledBatch>,
    private readonly options: FollowOptions,
  ) {
    this.listener = new LogListener(
      connection,
      () => this.signal(),
      (e) => this.options.onError?.(e),
    );
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listener.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.loop;
    await this.listener.stop();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let batch: HandledBatch;
      try {
        batch = await this.step();
      } catch (error) {
        failures++;
        const retryInMs = retryDelay(failures, this.options.retry);
        this.options.onError?.(error as Error, { failures, retryInMs });
        // Notifications keep coming while the handler's store is down; they must not cut the backoff short.
        await this.pause(retryInMs, false);
        continue;
      }
      if (failures > 0) this.options.onRecover?.(failures);
      failures = 0;
      if (batch.events.length > 0) this.options.onBatch?.(batch);
      if (!batch.full) await this.pause(this.options.pollIntervalMs ?? 1000, true);
    }
  }

  private signal(): void {
    this.pending = true;
    this.wake?.();
  }

  /** Waits `ms`; a notification ends the wait early when `wakeOnNotify`, `stop()` always does. */
  private pause(ms: number, wakeOnNotify: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeOnNotify && this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        this.interrupt = null;
        if (wakeOnNotify) this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeOnNotify ? done : null;
      this.interrupt = done;
    });
  }
}
