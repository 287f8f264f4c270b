import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ensureOwnedDir, mkdirPublic } from './dirs';
import { clearStaleLock } from './stale-lock';
import type { RunAs } from './types';

/** Where clusters go when the requested data dir is unreachable for postgres. */
export const CLUSTERS_ROOT = '/var/lib/beacon/clusters';

/**
 * Creates the cluster directory under `clustersRoot`, keyed by a short hash of
 * the requested path (with its parent's symlinks resolved, so two spellings of
 * one checkout share a cluster), and leaves a symlink at the requested path:
 * the next start follows it, and `ls -l .beacon` shows where the data is.
 * Called only when no such symlink exists yet.
 */
export async function relocateCluster(
  wanted: string,
  runAs: RunAs,
  notice: (line: string) => void,
  clustersRoot = CLUSTERS_ROOT,
): Promise<string> {
  const entries = await fs.readdir(wanted).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  if (entries.length > 0) {
    throw new Error(
      `Data dir ${wanted} already has content but the postgres user cannot reach it (a parent directory is not searchable); move it, or chmod o+x its parents`,
    );
  }
  const realPath = path.join(await fs.realpath(path.dirname(wanted)), path.basename(wanted));
  const cluster = path.join(clustersRoot, createHash('sha256').update(realPath).digest('hex').slice(0, 16));
  // Only the symlink leads here. With it gone (say `rm -rf .beacon` to start
  // over) an old cluster is garbage, and reviving it would differ from a
  // non-root run, where deleting the directory deletes the data.
  if (await fs.stat(cluster).catch(() => undefined)) {
    await clearStaleLock(cluster, notice); // refuses if a server still runs on it
    notice(`Discarding ${cluster}: left by an earlier run, its symlink ${wanted} is gone`);
    await fs.rm(cluster, { recursive: true, force: true });
  }
  await mkdirPublic(clustersRoot);
  await ensureOwnedDir(cluster, runAs);
  // An empty directory may stand where the link goes; rmdir refuses anything more.
  await fs.rmdir(wanted).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await fs.symlink(cluster, wanted);
  notice(
    `PostgreSQL data for ${wanted} lives in ${cluster} (symlinked): running as root, PostgreSQL must run as the postgres user, which cannot reach ${path.dirname(wanted)}`,
  );
  return cluster;
}
