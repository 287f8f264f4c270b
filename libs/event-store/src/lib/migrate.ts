import { Client } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** Arbitrary key of the session lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 0x4d49475241;

/**
 * Brings the schema up to date with TypeORM's migration runner (each migration in its own
 * transaction, recorded in `migrations`). Several replicas start at once in a deployment; a session
 * advisory lock makes them migrate one after the other, and the later ones find nothing to do.
 */
export async function runMigrations(url: string, migrations: MigrationClass[]): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      migrations,
      migrationsTransactionMode: 'each',
      logging: ['error'],
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations();
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end();
  }
}
