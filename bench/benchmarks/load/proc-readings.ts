import { readFileSync } from 'node:fs';
import { childPids } from '../ingest/cpu';

/** Resident memory (`VmRSS`) of one process in bytes; 0 when it is gone. */
export function residentBytes(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kilobytes === undefined ? 0 : Number(kilobytes) * 1024;
}

/**
 * Resident memory of `pid` and its descendants: the all-in-one server and the projector process it
 * forks (decision 036), which together are what `npm start` costs.
 */
export function treeResidentBytes(pid: number): number {
  return residentBytes(pid) + childPids(pid).reduce((sum, child) => sum + treeResidentBytes(child), 0);
}

/**
 * Microseconds so far in which some runnable task of the machine waited for a core (`/proc/pressure/cpu`,
 * "some"): on the shared 2-core machine, how much others' work stood in the way. Null without PSI.
 */
export function cpuPressureMicros(): number | null {
  try {
    const total = /^some .*total=(\d+)$/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
    return total === undefined ? null : Number(total);
  } catch {
    return null;
  }
}
