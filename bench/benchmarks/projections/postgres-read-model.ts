import type { ClientBase } from 'pg';
import { assertLastSeen, type LogFacts } from './log-facts';

/**
 * Empties the read model and checkpoints before a timed run, so every run projects into the same
 * empty tables and none pays for flushing the previous run's pages at an automatic checkpoint.
 * CASCADE: the read model's own side tables (rm_asset_search, …) reference rm_assets; the search
 * vocabulary references nothing and is named, so each run adds its words anew.
 */
export async function resetPostgresReadModel(client: ClientBase): Promise<void> {
  await client.query('TRUNCATE rm_assets, rm_customers, rm_search_vocabulary CASCADE');
  await client.query('CHECKPOINT');
}

/** Every asset and customer there, each asset's lastSeenAt and position at its newest heartbeat. */
export async function verifyPostgresReadModel(client: ClientBase, facts: LogFacts, customers: number): Promise<void> {
  const assets = await client.query<{ id: string; last_seen_at: Date | null; position_at: Date | null }>(
    'SELECT id, last_seen_at, position_at FROM rm_assets',
  );
  assertLastSeen('PostgreSQL', facts.lastSeen, new Map(assets.rows.map((r) => [r.id, r.last_seen_at?.getTime() ?? null])));
  // Every bench heartbeat carries a position, so the position must be the newest heartbeat's too.
  assertLastSeen('PostgreSQL (position)', facts.lastSeen, new Map(assets.rows.map((r) => [r.id, r.position_at?.getTime() ?? null])));
  const stored = await client.query<{ count: string }>('SELECT count(*) AS count FROM rm_customers');
  if (Number(stored.rows[0]?.count) !== customers)
    throw new Error(`PostgreSQL read model has ${stored.rows[0]?.count} customers, expected ${customers}`);
}
