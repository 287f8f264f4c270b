import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction';

/**
 * Every append takes this transaction-level lock just before it draws positions from the shared
 * sequence, and keeps it until its commit is visible. Positions are therefore handed out in commit
 * order, so a reader that sees position N committed knows that every lower position is either
 * committed and visible in the same snapshot, or never will be (a rolled-back gap). That makes
 * `readAll` gap-free without having to guess about in-flight transactions. (The key is arbitrary:
 * "BEACON" in ASCII.)
 */
const EVENT_LOG_APPEND_LOCK = 0x424541434f4e;

/** Wakes subscribers; PostgreSQL delivers it at commit and folds repeats within a transaction. */
export const EVENT_LOG_CHANNEL = 'beacon_event_log';

export async function takeGlobalOrderLock(client: Pick<PoolClient, 'query'>): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_APPEND_LOCK]);
}

/**
 * Runs an append in a transaction that holds the append lock, and notifies subscribers with the
 * commit when `work` says it wrote something. The lock is held until commit, so this is the serial
 * section of the log: `BEGIN` + lock go in one round trip, and notify + `COMMIT` in another (a
 * multi-statement simple query), which under load halves the waiting on the event loop.
 */
export async function appendInOrder<T>(pool: Pool, work: (client: PoolClient) => Promise<{ result: T; wrote: boolean }>): Promise<T> {
  const { result } = await inTransaction(pool, work, {
    begin: `BEGIN; SELECT pg_advisory_xact_lock(${EVENT_LOG_APPEND_LOCK})`,
    commit: ({ wrote }) => (wrote ? `SELECT pg_notify('${EVENT_LOG_CHANNEL}', ''); COMMIT` : 'COMMIT'),
  });
  return result;
}
