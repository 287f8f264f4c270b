import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (100 on every Linux seen, but ask). */
const TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  ppid: number;
  /** utime + stime of the process itself, in ticks. */
  own: number;
  /** cutime + cstime: its children that have exited and been waited for. */
  reaped: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone in the meantime
  }
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = text
    .slice(text.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const at = (i: number): number => fields[i] ?? 0;
  return { ppid: at(1), own: at(11) + at(12), reaped: at(13) + at(14) };
}

/** The parent of `pid`, e.g. the postmaster of a PostgreSQL backend. */
export function parentPid(pid: number): number {
  const stat = readStat(pid);
  if (!stat) throw new Error(`no process ${pid}`);
  return stat.ppid;
}

/** The living children of `pid`, e.g. the projector process the all-in-one server forks. */
export function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && readStat(Number(entry))?.ppid === pid)
    .map(Number);
}

/** CPU seconds used so far by `pid` and all its children, living or exited (e.g. PostgreSQL's backends). */
export function processTreeCpuSeconds(pid: number): number {
  const root = readStat(pid);
  if (!root) return 0;
  let ticks = root.own + root.reaped;
  for (const child of childPids(pid)) {
    const stat = readStat(child);
    if (stat) ticks += stat.own + stat.reaped;
  }
  return ticks / TICKS;
}

/** CPU seconds used so far by this process, the harness (all its threads). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Cores used (CPU seconds per second) by each named process while `work` runs. */
export async function measureCpu<T>(
  meters: Record<string, () => number>,
  work: () => Promise<T>,
): Promise<{ result: T; cores: Record<string, number> }> {
  const names = Object.keys(meters);
  const before = names.map((name) => meters[name]?.() ?? 0);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const cores = Object.fromEntries(
    names.map((name, i) => [name, Math.round((((meters[name]?.() ?? 0) - (before[i] ?? 0)) / seconds) * 100) / 100]),
  );
  return { result, cores };
}
