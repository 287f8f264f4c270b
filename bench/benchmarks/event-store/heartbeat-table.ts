import type { ClientBase } from 'pg';

/**
 * Empties the table and checkpoints before a timed append run, so every run starts from the same
 * state: without it a run that happens to cross an automatic checkpoint (every max_wal_size of
 * WAL) would pay for flushing the previous runs' pages.
 */
export async function resetHeartbeats(client: ClientBase): Promise<void> {
  await client.query('TRUNCATE heartbeats');
  await client.query('CHECKPOINT');
}

/** A run that reports a rate must also have done the work: counted outside the timed part. */
export async function assertHeartbeatCount(client: ClientBase, expected: number): Promise<void> {
  const result = await client.query<{ count: string }>('SELECT count(*) AS count FROM heartbeats');
  const actual = Number(result.rows[0]?.count);
  if (actual !== expected) throw new Error(`expected ${expected} heartbeats in the table, found ${actual}`);
}
