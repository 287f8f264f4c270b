const { rmSync } = require('node:fs');

// Removes exactly what the setup made: its temp folder and the cluster, which as root may live
// elsewhere (see libs/embedded-postgres, "Running as root"), never the folder around it.
module.exports = async function stopTestPostgres() {
  const started = globalThis.__BEACON_TEST_POSTGRES__;
  if (!started) return;
  await started.postgres.stop();
  rmSync(started.postgres.dataDir, { recursive: true, force: true });
  rmSync(started.tempDir, { recursive: true, force: true });
};
