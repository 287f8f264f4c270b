import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction';

/** Wakes subscribers; PostgreSQL delivers it at commit and folds repeats within a transaction. */
export const EVENT_LOG_CHANNEL = 'beacon_event_log';

/**
 * Marks the caller's transaction as an append in flight before it draws positions (decision 041):
 * readers then stay below the positions it draws until it ends, whenever it commits. Exclusive, it
 * also waits for every other append to end and keeps new ones out until it ends.
 */
export async function beginOrderedAppend(client: Pick<PoolClient, 'query'>, options: { exclusive: boolean }): Promise<void> {
  await client.query('SELECT beacon_begin_append($1)', [options.exclusive]);
}

/**
 * Runs a lifecycle append in a transaction marked in flight, and notifies subscribers with the
 * commit when `work` says it wrote something. It runs alone among appends: it reads stream
 * versions in Node between statements, and heartbeat flushes are far the larger share of the log.
 * `BEGIN` + mark go in one round trip, and notify + `COMMIT` in another (a multi-statement simple
 * query), which under load halves the waiting on the event loop.
 */
export async function appendInOrder<T>(pool: Pool, work: (client: PoolClient) => Promise<{ result: T; wrote: boolean }>): Promise<T> {
  const { result } = await inTransaction(pool, work, {
    begin: 'BEGIN; SELECT beacon_begin_append(true)',
    commit: ({ wrote }) => (wrote ? `SELECT pg_notify('${EVENT_LOG_CHANNEL}', ''); COMMIT` : 'COMMIT'),
  });
  return result;
}
