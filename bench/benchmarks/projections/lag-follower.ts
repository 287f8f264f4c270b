import { saveCheckpoint, Subscription, type EventStore, type RecordedEvent } from '@beacon/event-store';
import type { ClientBase, Pool } from 'pg';

/** How often `caughtUp` looks; it is not on the measured path. */
const LOOK_MS = 50;

export interface LagSamples {
  /** Per event: when its batch was applied − its recorded_at (the log's own clock, at insert). */
  sinceRecorded: number[];
  /** Per event: when its batch was applied − when its append was called (metadata.receivedAt). */
  sinceReceived: number[];
  batches: number;
}

/**
 * The server's way of following the log (a Subscription: woken by LISTEN/NOTIFY at each commit,
 * batch read and handled in the transaction that stores its checkpoint), starting at `from`, with
 * `apply` as the handler. Records each event's lag the moment `apply` has finished.
 */
export class LagFollower {
  readonly samples: LagSamples = { sinceRecorded: [], sinceReceived: [], batches: 0 };
  private readonly errors: Error[] = [];
  private readonly subscription: Subscription;

  constructor(
    pool: Pool,
    store: EventStore,
    private readonly name: string,
    batchSize: number,
    apply: (events: RecordedEvent[], after: bigint) => Promise<void>,
  ) {
    this.subscription = new Subscription(pool, store, {
      name,
      batchSize,
      handle: async (events, _client, after) => {
        await apply(events, after);
        this.record(events, Date.now());
      },
      onError: (error) => this.errors.push(error),
    });
  }

  /** Starts following just after `from`: what came before is not this run's. */
  async start(admin: ClientBase, from: bigint): Promise<void> {
    await saveCheckpoint(admin, this.name, from);
    await this.subscription.start();
  }

  /** Resolves once `events` events were applied; fails on a failed batch or after `timeoutMs`. */
  async caughtUp(events: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A retried batch would be counted twice, and a projection that fails is not a lag figure.
      if (this.errors.length > 0) throw new Error(`${this.name}: a batch failed: ${this.errors[0]?.message}`);
      const applied = this.samples.sinceRecorded.length;
      if (applied > events) throw new Error(`${this.name}: applied ${applied} events, only ${events} were appended`);
      if (applied === events) return;
      if (Date.now() > deadline) throw new Error(`${this.name}: applied ${applied} of ${events} events after ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
    }
  }

  stop(): Promise<void> {
    return this.subscription.stop();
  }

  private record(events: RecordedEvent[], appliedMs: number): void {
    this.samples.batches++;
    for (const event of events) {
      this.samples.sinceRecorded.push(appliedMs - event.recordedAt.getTime());
      const receivedAt = event.metadata['receivedAt'];
      if (typeof receivedAt === 'string') this.samples.sinceReceived.push(appliedMs - Date.parse(receivedAt));
    }
  }
}
