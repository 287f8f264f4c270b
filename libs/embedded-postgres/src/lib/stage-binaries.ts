import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { binPath, type NativeDir } from './binaries';
import { canAccess } from './postgres-user';
import { mkdirPublic } from './dirs';
import type { RunAs } from './types';

/** Root-owned, world-readable home for staged copies (outside any 0700 home). */
export const STAGING_ROOT = '/var/lib/beacon/embedded-postgres';

// Package copies are keyed by version; ad-hoc folders by content, so the same
// build staged twice (e.g. by repeated test runs) is reused, not duplicated.
function stagingKey(native: NativeDir): string {
  if (native.version) return native.version;
  const digest = createHash('sha256').update(readFileSync(binPath(native.root, 'postgres')));
  return `custom-${digest.digest('hex').slice(0, 16)}`;
}

export function binariesReachable(root: string, runAs: RunAs): boolean {
  return (
    canAccess(runAs, binPath(root, 'postgres'), 'x') &&
    canAccess(runAs, binPath(root, 'initdb'), 'x') &&
    canAccess(runAs, path.join(root, 'lib'), 'rx') &&
    canAccess(runAs, path.join(root, 'share'), 'rx')
  );
}

/**
 * Copies bin/lib/share into `<stagingRoot>/<key>` once and returns that path.
 * The copy goes to a temp sibling and is renamed into place, so a directory
 * at the final path is always complete; a parallel stager that loses the
 * rename race just discards its copy.
 */
export async function stageBinaries(native: NativeDir, stagingRoot = STAGING_ROOT): Promise<string> {
  const target = path.join(stagingRoot, stagingKey(native));
  if (existsSync(target)) return target;
  await mkdirPublic(stagingRoot);
  // Random, not pid/time: parallel stagers may share both.
  const tmp = `${target}.tmp-${randomBytes(8).toString('hex')}`;
  try {
    // verbatimSymlinks keeps lib/*.so -> *.so.N links relative to the copy.
    await fs.cp(native.root, tmp, { recursive: true, verbatimSymlinks: true });
    // Readable for everyone, dirs searchable, executables stay executable.
    spawnSync('chmod', ['-R', 'a+rX', tmp]);
    await fs.rename(tmp, target);
  } catch (err) {
    if (!existsSync(target)) throw err;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return target;
}
