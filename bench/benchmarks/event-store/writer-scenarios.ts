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
  /** Heartbeats per append call: 1 like single-heartbeat requests, 1,000 like batch requests. */
  rowsPerCall?: number;
  /** The writer's maxFlushesInFlight; the library default when absent. */
  flushesInFlight?: number;
  baseline: string;
  target?: Target;
}

/**
 * `callers` concurrent producers, each appending `rowsPerCall` heartbeats per call (one unless
 * told) and waiting for its commit before the next, as request handlers do: the writer has to find
 * the batches itself.
 */
export function writerScenario(options: WriterScenarioOptions): Scenario {
  const { pool, admin, source, callers, rows: count } = options;
  let rows: NewHeartbeat[] = [];
  return {
    scenario: scenarioName(options),
    unit: 'heartbeats/s',
    baseline: options.baseline,
    ...(options.target ? { target: options.target } : {}),
    prepare: async () => {
      await resetHeartbeats(admin);
      rows = source.take(count);
    },
    measure: async () => {
      const rate = await perSecond(count, async () => {
        const writer = new HeartbeatWriter(pool, options.flushesInFlight ? { maxFlushesInFlight: options.flushesInFlight } : {});
        const cursor = { next: 0 };
        const perCall = options.rowsPerCall ?? 1;
        await Promise.all(Array.from({ length: callers }, () => appendInTurn(writer, rows, cursor, perCall)));
        await writer.close();
      });
      await assertHeartbeatCount(admin, count);
      return rate;
    },
  };
}

function scenarioName({ callers, rowsPerCall, flushesInFlight }: WriterScenarioOptions): string {
  const calls = rowsPerCall && rowsPerCall > 1 ? ` of ${rowsPerCall.toLocaleString('en-US')} rows` : '';
  const inFlight = flushesInFlight ? `, ${flushesInFlight} flush${flushesInFlight === 1 ? '' : 'es'} in flight` : '';
  return `writer, ${callers} caller${callers === 1 ? '' : 's'}${calls}${inFlight}`;
}

/** Callers share one cursor into `rows`, so together they append each row exactly once. */
async function appendInTurn(writer: HeartbeatWriter, rows: NewHeartbeat[], cursor: { next: number }, perCall: number): Promise<void> {
  for (let start = cursor.next; start < rows.length; start = cursor.next) {
    cursor.next += perCall;
    const call = rows.slice(start, start + perCall);
    const { stored } = await writer.append(call);
    const duplicate = stored.indexOf(false);
    if (duplicate >= 0) {
      const row = call[duplicate] as NewHeartbeat;
      throw new Error(`a fresh heartbeat was reported as a duplicate: ${row.data.assetId} ${row.dedupeKey}`);
    }
  }
}
