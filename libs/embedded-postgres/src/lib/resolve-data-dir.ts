import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ensureOwnedDir } from './dirs';
import { canAccess } from './postgres-user';
import { CLUSTERS_ROOT, relocateCluster } from './relocate-cluster';
import type { RunAs } from './types';

const linkTarget = async (p: string): Promise<string | undefined> => {
  const st = await fs.lstat(p).catch(() => undefined);
  return st?.isSymbolicLink() ? path.resolve(path.dirname(p), await fs.readlink(p)) : undefined;
};

/**
 * Returns the directory the cluster really lives in. Not root: the requested
 * one. Root: the requested one (or its symlink target), owned by postgres, if
 * postgres can reach its parent; otherwise a relocated one (see
 * relocateCluster).
 */
export async function resolveDataDir(
  requested: string,
  runAs: RunAs | undefined,
  notice: (line: string) => void,
  clustersRoot = CLUSTERS_ROOT,
): Promise<string> {
  const wanted = path.resolve(requested);
  if (!runAs) {
    // Only the cluster itself must be 0700; parents (e.g. .beacon) keep the umask.
    await fs.mkdir(path.dirname(wanted), { recursive: true });
    await fs.mkdir(wanted, { mode: 0o700 }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    return fs.realpath(wanted);
  }
  const link = await linkTarget(wanted);
  const candidate = link ?? wanted;
  await fs.mkdir(path.dirname(candidate), { recursive: true });
  if (canAccess(runAs, path.dirname(candidate), 'x')) {
    await ensureOwnedDir(candidate, runAs);
    const real = await fs.realpath(candidate);
    const why = real.startsWith(`${clustersRoot}/`) ? ', made because the postgres user cannot reach the requested path' : '';
    if (link) notice(`PostgreSQL data for ${wanted} lives in ${real} (${wanted} is a symlink${why})`);
    return real;
  }
  if (link) {
    throw new Error(`${wanted} is a symlink to ${link}, which the postgres user cannot reach; remove the link or fix the permissions`);
  }
  return relocateCluster(wanted, runAs, notice, clustersRoot);
}
