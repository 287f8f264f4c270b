import { EventStore } from '@beacon/event-store';
import type { ClientBase, Pool } from 'pg';
import { perSecond, type Scenario } from '../../lib/repeat';
import type { Target } from '../../lib/types';

export interface CatchUpOptions {
  pool: Pool;
  /** The baseline's own connection. */
  client: ClientBase;
  /** How many events the log holds: each run must read exactly these. */
  events: number;
  batchSize: number;
  target?: Target;
}

const BASELINE = 'plain SELECT loop';

/**
 * A subscriber catching up from position 0 through `readAll`, against the cheapest way to page
 * through the same rows by position with `pg`: what readAll's ordering guarantee and its merge
 * with lifecycle events cost.
 */
export function catchUpScenarios(options: CatchUpOptions): Scenario[] {
  const { pool, client, events, batchSize } = options;
  const store = new EventStore(pool);
  return [
    {
      scenario: BASELINE,
      unit: 'events/s',
      baseline: BASELINE,
      measure: () =>
        perSecond(events, async () => {
          let after = '0';
          let read = 0;
          for (;;) {
            // Every column of the same rows, parsed by pg as usual: what readAll adds is its merge with
            // lifecycle events and the shaping of each row into an event.
            const page = await client.query<{ global_position: string }>(
              'SELECT * FROM heartbeats WHERE global_position > $1 ORDER BY global_position LIMIT $2',
              [after, batchSize],
            );
            const last = page.rows[page.rows.length - 1];
            if (last === undefined) break;
            read += page.rows.length;
            after = last.global_position;
          }
          assertRead(read, events);
        }),
    },
    {
      scenario: 'readAll catch-up',
      unit: 'events/s',
      baseline: BASELINE,
      ...(options.target ? { target: options.target } : {}),
      measure: () =>
        perSecond(events, async () => {
          let after = 0n;
          let read = 0;
          for (;;) {
            const page = await store.readAll(after, batchSize);
            const last = page[page.length - 1];
            if (last === undefined) break;
            read += page.length;
            after = last.globalPosition;
          }
          assertRead(read, events);
        }),
    },
    {
      // How a rebuild catches up (readAllPages): the next page is read while this one is shaped.
      scenario: 'readAllPages catch-up (read ahead)',
      unit: 'events/s',
      baseline: BASELINE,
      measure: () =>
        perSecond(events, async () => {
          let read = 0;
          for await (const page of store.readAllPages(0n, batchSize)) read += page.length;
          assertRead(read, events);
        }),
    },
  ];
}

function assertRead(read: number, expected: number): void {
  if (read !== expected) throw new Error(`catch-up read ${read} events, expected ${expected}`);
}
