import type { ClientBase } from 'pg';

export async function saveCheckpoint(client: ClientBase, name: string, position: bigint): Promise<void> {
  await client.query(
    `INSERT INTO subscription_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    [name, position.toString()],
  );
}

/**
 * Reads the checkpoint and holds its row lock until the transaction ends, so two processes
 * following the same subscription never apply the same batch side by side.
 */
export async function lockCheckpoint(client: ClientBase, name: string): Promise<bigint> {
  await client.query('INSERT INTO subscription_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING', [name]);
  const result = await client.query<{ position: string }>('SELECT position FROM subscription_checkpoints WHERE name = $1 FOR UPDATE', [
    name,
  ]);
  return BigInt(result.rows[0]?.position ?? 0);
}

/** The stored position without locking it (0 when the subscription never ran): for monitoring. */
export async function readCheckpoint(client: Pick<ClientBase, 'query'>, name: string): Promise<bigint> {
  const result = await client.query<{ position: string }>('SELECT position FROM subscription_checkpoints WHERE name = $1', [name]);
  return BigInt(result.rows[0]?.position ?? 0);
}
