import { createDatabase, startEmbeddedPostgres } from '@beacon/embedded-postgres';
import { runMigrations } from '@beacon/event-store';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Client } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { waitUntilAvailable } from '../shared/wait-until-available';
import { isDatabaseUnavailable } from './database-unavailable';
import { beaconMigrations } from './migrations';

export interface Database {
  url: string;
  /** Stops the embedded PostgreSQL, if this process started one. */
  stop(): Promise<void>;
}

const logger = new Logger('Database');

/**
 * `BEACON_DATABASE_URL`, or an embedded PostgreSQL under `BEACON_DATA_DIR` (created on first start,
 * reused after). Either way the schema is migrated before anything is served.
 */
export async function openDatabase(config: BeaconConfig): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    await waitUntilAvailable('PostgreSQL', () => connectOnce(url), isDatabaseUnavailable, logger);
    database = { url, stop: async () => undefined };
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'postgres'),
      log: (line) => logger.debug(line.trimEnd()),
    });
    logger.log(`embedded PostgreSQL on port ${embedded.port}, data in ${embedded.dataDir}`);
    database = { url: await createDatabase(embedded.url, 'beacon'), stop: () => embedded.stop() };
  }
  const applied = await runMigrations(database.url, beaconMigrations);
  if (applied.length) logger.log(`migrations applied: ${applied.join(', ')}`);
  return database;
}

async function connectOnce(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}
