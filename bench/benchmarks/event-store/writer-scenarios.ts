import { HeartbeatWriter, type NewHeartbeat } from '@beacon/event-store';
import type { ClientBase, Pool } from 'pg';
import { perSecond, type Scenario } from '../../lib/repeat';
import type { Target } from '../../lib/types';
import type { HeartbeatSource } from './heartbeat-rows';
import { assertHeartbeatCount, resetHeartbeats } from './heartbeat-table';

export interface WriterScenarioOptions {
  pool: Pool;
  /** A separate connection for set-up and checks, never the writer's. */
  admin: ClientBase;
  source: HeartbeatSource;
  callers: number;
  rows: number;
  baseline: string;
  target?: Target;
}

/**
 * `callers` concurrent producers, each appending ONE heartbeat per call and waiting for its
 * commit before the next, as request handlers do: the writer has to find the batches itself.
 */
export function writerScenario(options: WriterScenarioOptions): Scenario {
  const { pool, admin, source, callers, rows: count } = options;
  let rows: NewHeartbeat[] = [];
  return {
    scenario: `writer, ${callers} caller${callers === 1 ? '' : 's'}`,
    unit: 'heartbeats/s',
    baseline: options.baseline,
    ...(options.target ? { target: options.target } : {}),
    prepare: async () => {
      await resetHeartbeats(admin);
      rows = source.take(count);
    },
    measure: async () => {
      const rate = await perSecond(count, async () => {
        const writer = new HeartbeatWriter(pool);
        const cursor = { next: 0 };
        await Promise.all(Array.from({ length: callers }, () => appendOneByOne(writer, rows, cursor)));
        await writer.close();
      });
      await assertHeartbeatCount(admin, count);
      return rate;
    },
  };
}

/** Callers share one cursor into `rows`, so together they append each row exactly once. */
async function appendOneByOne(writer: HeartbeatWriter, rows: NewHeartbeat[], cursor: { next: number }): Promise<void> {
  for (let row = rows[cursor.next++]; row !== undefined; row = rows[cursor.next++]) {
    const { stored } = await writer.append([row]);
    if (stored[0] !== true) throw new Error(`a fresh heartbeat was reported as a duplicate: ${row.data.assetId} ${row.dedupeKey}`);
  }
}
