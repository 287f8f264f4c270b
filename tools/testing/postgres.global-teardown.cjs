const { rmSync } = require('node:fs');
const { dirname } = require('node:path');

module.exports = async function stopTestPostgres() {
  const postgres = globalThis.__BEACON_TEST_POSTGRES__;
  if (!postgres) return;
  await postgres.stop();
  rmSync(dirname(postgres.dataDir), { recursive: true, force: true });
};
