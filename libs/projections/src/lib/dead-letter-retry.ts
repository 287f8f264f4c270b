import { type EventStore, inTransaction, lockCheckpoint } from '@beacon/event-store';
import type { ReadModelProjection } from '@beacon/read-models';
import type { Pool } from 'pg';
import { recordDeadLetter, removeDeadLetter, requestedRetries } from './dead-letters';

export interface DeadLetterRetryRun {
  pool: Pool;
  store: EventStore;
  name: string;
  projection: ReadModelProjection;
}

/**
 * Applies again the dead letters of `name` whose retry was asked for, each alone: one that now
 * applies leaves the list, one refused again stays with its new error and attempt. Runs under
 * the projection's checkpoint lock, so no live batch runs meanwhile, and makes the projection
 * forget what it remembers before the next batch. As with any event, one applies only where no
 * newer event already changed the same document (the read models' version rules).
 */
export async function retryDeadLetters(run: DeadLetterRetryRun): Promise<{ applied: bigint[]; refused: bigint[] }> {
  const outcome = { applied: [] as bigint[], refused: [] as bigint[] };
  if ((await requestedRetries(run.pool, run.name, 1)).length === 0) return outcome;
  await inTransaction(run.pool, async (tx) => {
    await lockCheckpoint(tx, run.name);
    try {
      for (const position of await requestedRetries(tx, run.name)) {
        const [event] = await run.store.readAll(position - 1n, 1, tx);
        if (!event || event.globalPosition !== position) {
          await removeDeadLetter(tx, run.name, position); // no longer in the log (retention dropped it)
          continue;
        }
        await tx.query('SAVEPOINT dead_letter_retry');
        try {
          await run.projection.apply([event], tx);
          await tx.query('RELEASE SAVEPOINT dead_letter_retry');
          await removeDeadLetter(tx, run.name, position);
          outcome.applied.push(position);
        } catch (error) {
          await tx.query('ROLLBACK TO SAVEPOINT dead_letter_retry; RELEASE SAVEPOINT dead_letter_retry');
          if (run.projection.isDataError?.(error) !== true) throw error;
          await recordDeadLetter(tx, run.name, event, { error: (error as Error).message, attempts: 1, firstFailedAt: new Date() });
          outcome.refused.push(position);
        }
      }
    } finally {
      run.projection.reset?.();
    }
  });
  return outcome;
}
