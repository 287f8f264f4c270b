import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { RunAs } from './types';

/**
 * `mkdir -p` whose newly created directories are 0755 regardless of umask:
 * a root umask of 077 would otherwise make our staging/cluster parents
 * unsearchable for the postgres user, defeating their purpose.
 */
export async function mkdirPublic(dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true });
  if (!first) return;
  const created: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    created.push(d);
    if (d === path.resolve(first) || d === path.dirname(d)) break;
  }
  for (const d of created) await fs.chmod(d, 0o755);
}

/**
 * PostgreSQL insists the data dir is owned by the server user with mode 0700.
 * An existing directory owned by someone else (made by hand, or by an earlier
 * non-root run) is handed over recursively.
 */
export async function ensureOwnedDir(dir: string, runAs: RunAs): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  if ((await fs.stat(dir)).uid !== runAs.uid) {
    const r = spawnSync('chown', ['-R', `${runAs.uid}:${runAs.gid}`, dir], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`Cannot hand ${dir} to the postgres user: ${r.stderr || r.error?.message}`);
  }
  await fs.chmod(dir, 0o700);
}
