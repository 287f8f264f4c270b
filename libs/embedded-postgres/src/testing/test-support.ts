import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { CLUSTERS_ROOT } from '../lib/relocate-cluster';

/** Quiet and fast: tests do not need durability. */
export const TEST_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
};

/** A fresh temp dir with the given mode (mkdtemp itself makes 0700). */
export async function tempDir(mode: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), 'beacon-pg-'));
  await fs.chmod(dir, mode);
  return dir;
}

/** Removes a temp dir and, if the cluster was relocated, the cluster too. */
export async function cleanup(dir: string, realDataDir?: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  if (realDataDir?.startsWith(`${CLUSTERS_ROOT}/`)) await fs.rm(realDataDir, { recursive: true, force: true });
}

export async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
