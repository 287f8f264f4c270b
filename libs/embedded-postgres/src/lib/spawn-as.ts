import { spawn, type ChildProcess } from 'node:child_process';
import type { RunAs } from './types';

/**
 * Spawns a PostgreSQL binary, as `runAs` when we are root. The cwd is set to a
 * directory the target user can reach: the inherited one may be a 0700 home.
 * LC_ALL=C keeps messages in English and avoids locale lookups on minimal
 * images; the cluster itself is created with --no-locale anyway. The child
 * gets its own process group, so a Ctrl-C in the terminal reaches only the
 * Node process, which then closes its connections before it stops PostgreSQL.
 */
export function spawnAs(binary: string, args: string[], runAs: RunAs | undefined, cwd: string): ChildProcess {
  return spawn(binary, args, {
    cwd,
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
}

/** Resolves with the exit code (or signal name) once the child has exited. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}
