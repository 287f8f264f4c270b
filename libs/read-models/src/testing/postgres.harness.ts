import { EventStore, eventStoreMigrations, inTransaction, runMigrations } from '@beacon/event-store';
import { createTestDatabase } from '@beacon/testing';
import { Pool } from 'pg';
import type { ReadModelHarness } from './contract/read-model-harness';
import { postgresAssetsProjection } from '../lib/postgres/assets.projection';
import { postgresReadModelMigrations } from '../lib/postgres/migrations';
import { PostgresAssetReadModel } from '../lib/postgres/postgres-asset-read-model';

const BATCH_SIZE = 1000;

/**
 * The PostgreSQL adapter with its event log on a fresh test database. Catching up works like the
 * server's subscription without its checkpoint table: each batch is read and projected in one
 * transaction, from the position the previous batch ended at.
 */
export async function createPostgresHarness(): Promise<ReadModelHarness> {
  const database = await createTestDatabase();
  await runMigrations(database.url, [...eventStoreMigrations, ...postgresReadModelMigrations]);
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const store = new EventStore(pool);
  let projected = 0n;

  /** Projects the next batch in one transaction; false once the log has nothing more. */
  const projectNextBatch = async (): Promise<boolean> => {
    const last = await inTransaction(pool, async (client) => {
      const events = await store.readAll(projected, BATCH_SIZE, client);
      await postgresAssetsProjection.apply(events, client);
      return events[events.length - 1] ?? null;
    });
    if (last) projected = last.globalPosition;
    return last !== null;
  };

  const catchUp = async (): Promise<void> => {
    while (await projectNextBatch()) {
      // until the log has nothing more
    }
  };

  return {
    store,
    readModel: new PostgresAssetReadModel(pool),
    catchUp,
    replayAll: async () => {
      projected = 0n;
      await catchUp();
    },
    dispose: async () => {
      await pool.end();
      await database.drop();
    },
  };
}
