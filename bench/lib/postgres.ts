import { createDatabase, startEmbeddedPostgres } from '@beacon/embedded-postgres';
import { eventStoreMigrations, runMigrations } from '@beacon/event-store';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** The server settings a durable figure depends on; recorded with the results. */
export type ServerSettings = Record<(typeof RECORDED_SETTINGS)[number], string>;

const RECORDED_SETTINGS = [
  'server_version',
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'wal_sync_method',
  'shared_buffers',
  'max_wal_size',
] as const;

export interface BenchPostgres {
  /** The migrated benchmark database, on 127.0.0.1. */
  url: string;
  settings: ServerSettings;
}

/**
 * Runs `work` against a fresh, migrated PostgreSQL with the durable defaults (fsync and
 * synchronous_commit on: the benchmarks quote figures for heartbeats that survive a crash, unlike
 * the tests' throw-away server), then stops it and removes its data whatever happened, Ctrl-C
 * included.
 */
export async function withBenchPostgres<T>(work: (postgres: BenchPostgres) => Promise<T>): Promise<T> {
  const tempDir = await mkdtemp(join(tmpdir(), 'beacon-bench-'));
  // mkdtemp makes 0700; as root the server runs as the postgres user, which must get through.
  await chmod(tempDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(tempDir, 'postgres'), log: () => undefined }).catch(async (error: unknown) => {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  });
  const cleanUp = async (): Promise<void> => {
    await server.stop();
    // As root the cluster may live outside tempDir (see libs/embedded-postgres, "Running as root").
    await rm(server.dataDir, { recursive: true, force: true });
    await rm(tempDir, { recursive: true, force: true });
  };
  const onInterrupt = (): void => {
    console.error('interrupted: stopping PostgreSQL and removing its data');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  try {
    const url = await createDatabase(server.url, 'beacon_bench');
    await runMigrations(url, eventStoreMigrations);
    const settings = await readServerSettings(url);
    if (settings.fsync !== 'on' || settings.synchronous_commit !== 'on') {
      throw new Error(`the benchmark server is not durable: fsync=${settings.fsync}, synchronous_commit=${settings.synchronous_commit}`);
    }
    return await work({ url, settings });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    await cleanUp();
  }
}

async function readServerSettings(url: string): Promise<ServerSettings> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
      [RECORDED_SETTINGS],
    );
    return Object.fromEntries(result.rows.map((row) => [row.name, row.setting])) as ServerSettings;
  } finally {
    await client.end();
  }
}
