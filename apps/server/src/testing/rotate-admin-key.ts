import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { resolve } from 'node:path';

const ROTATE = resolve(__dirname, '../../../../tools/admin-key/rotate.mjs');

/** Runs `npm run admin-key:rotate` (its script, without npm's own output) with only `env` and PATH. */
export function rotateAdminKey(env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [ROTATE], { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8' });
}
