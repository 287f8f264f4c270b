// Starts the built Beacon for the e2e run: demo fleet on, auth off for reads, and a fresh data
// directory each time so every run sees the same 7 vehicles.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'beacon-e2e-'));
const server = spawn(process.execPath, ['dist/apps/server/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, BEACON_DATA_DIR: dataDir, BEACON_DEMO: 'on', BEACON_AUTH: 'off', BEACON_HOST: '127.0.0.1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
