import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Where each side runs: the browser on every core, everything Beacon (server, PostgreSQL, the harness posting heartbeats) off core 0. */
export interface CoreSplit {
  browser: string;
  beacon: string;
}

/**
 * A dispatcher's browser runs on a computer of its own, not on Beacon's server. On a 2-core
 * machine the page would otherwise wait for a core while the server projects 1,000 heartbeats/s,
 * and its long tasks would measure that wait rather than its own work (a trace shows the page's
 * tasks spending most of their time off-core: bench/README.md "dashboard"). So Beacon's side stays
 * off core 0, with `taskset` (util-linux): the harness's processes and threads now, and what it
 * starts later inherits its main thread's cores. The browser may use every core: Chromium draws
 * the map in software on threads of its own, and confined to core 0 its page waited longer still
 * (longest task 269 ms against 199 ms with nothing pinned, in runs of the same hour). With one core
 * there is nothing to split, and null says so.
 */
export function splitCores(env: NodeJS.ProcessEnv = process.env): CoreSplit | null {
  const cores = availableParallelism();
  // BENCH_DASHBOARD_SHARED_CORES=1 lets Beacon use core 0 too, to compare with the split.
  if (cores < 2 || env['BENCH_DASHBOARD_SHARED_CORES'] === '1') return null;
  const split = { browser: `0-${cores - 1}`, beacon: `1-${cores - 1}` };
  for (const pid of [process.pid, ...descendantsOf(process.pid)]) pin(pid, split.beacon, true);
  return split;
}

/** Runs `launch` with the harness's main thread on the browser's cores, so the browser it starts gets them too. */
export async function onBrowserCore<T>(split: CoreSplit | null, launch: () => Promise<T>): Promise<T> {
  if (split === null) return launch();
  pin(process.pid, split.browser, false);
  try {
    return await launch();
  } finally {
    pin(process.pid, split.beacon, false);
  }
}

/** `allThreads`: every thread of `pid` (its worker threads too), else its main thread only. */
function pin(pid: number, cores: string, allThreads: boolean): void {
  execFileSync('taskset', [...(allThreads ? ['-a'] : []), '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
}

function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the second field after the command, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const found: number[] = [];
  const visit = (pid: number): void => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(root);
  return found;
}
