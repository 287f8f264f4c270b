import type { Pool, PoolClient } from 'pg';

export interface TransactionStatements<T> {
  /** Opens the transaction; may carry more statements in the same round trip. */
  begin: string;
  /** Ends it, given what the work returned; may also carry more statements. */
  commit: (result: T) => string;
}

const plain = <T>(): TransactionStatements<T> => ({ begin: 'BEGIN', commit: () => 'COMMIT' });

/**
 * Runs `work` in one transaction on a pooled connection; rolls back on any error. A connection that
 * dies while checked out emits 'error' on the client, which the pool does not listen to while the
 * client is out: listen here, so a dropped connection fails this transaction instead of the
 * process, and destroy such a connection rather than return it to the pool.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  statements: TransactionStatements<T> = plain<T>(),
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const onError = (): void => {
    broken = true;
  };
  client.on('error', onError);
  try {
    await client.query(statements.begin);
    const result = await work(client);
    await client.query(statements.commit(result));
    return result;
  } catch (error) {
    if (!broken) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
    }
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
