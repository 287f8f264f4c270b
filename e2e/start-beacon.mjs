// Starts the built Beacon for the e2e run: demo fleet on, auth on (as by default), and a fresh data
// directory each time so every run sees the same demo fleet. The directory is world-traversable
// (mkdtemp makes it 0700), so PostgreSQL's own user can keep its cluster in it when we are root.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'beacon-e2e-'));
chmodSync(dataDir, 0o755);
const server = spawn(process.execPath, ['dist/apps/server/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, BEACON_DATA_DIR: dataDir, BEACON_DEMO: 'on', BEACON_AUTH: 'on', BEACON_HOST: '127.0.0.1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
