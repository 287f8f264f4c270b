import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

// /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces.
function procInfo(pid: number): { comm: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ppid };
  } catch {
    return undefined;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (!procInfo(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !procInfo(pid);
}

/**
 * Makes a postmaster.pid left by a killed run harmless before we start.
 * PostgreSQL itself ignores a lock whose PID is dead, but in containers PIDs
 * are reused quickly, so a live unrelated process can make it refuse to
 * start: we drop the lock when the PID is not a postgres process at all. A
 * postmaster whose parent died (re-parented to PID 1, e.g. `kill -9` of the
 * Node process that owned it) is an orphan from an earlier run: shut it down.
 * A postmaster with a live parent belongs to someone else: report it.
 * Without /proc (macOS) we leave everything to PostgreSQL.
 */
export async function clearStaleLock(dataDir: string, notice: (line: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const pid = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || process.platform !== 'linux') return;
  const info = procInfo(pid);
  if (!info) return; // dead: PostgreSQL removes the lock itself
  if (info.comm !== 'postgres') {
    notice(`Removing stale ${lockFile} (PID ${pid} is now "${info.comm}", not PostgreSQL)`);
    await fs.rm(lockFile, { force: true });
    return;
  }
  if (info.ppid !== 1) {
    throw new Error(`PostgreSQL (PID ${pid}, parent ${info.ppid}) is already running on ${dataDir}; stop it first`);
  }
  notice(`Stopping orphaned PostgreSQL (PID ${pid}) left on ${dataDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  if (!(await waitGone(pid, 30_000))) throw new Error(`Orphaned PostgreSQL (PID ${pid}) on ${dataDir} did not stop`);
}
