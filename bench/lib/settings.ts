/** The harness's knobs, read once from the environment (docs/STYLE.md "Configuration") and validated up front. */
export interface HarnessSettings {
  scale: number;
  runs: number;
}

const MIN_RUNS = 3;
/** Five by default: the median then survives two disturbed runs, and a full run stays within minutes. */
const DEFAULT_RUNS = 5;

export function readSettings(env: NodeJS.ProcessEnv): HarnessSettings {
  const scale = Number(env['BENCH_SCALE'] ?? '1');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new Error(`BENCH_SCALE must be a number in (0, 10], e.g. 0.1 for a quick run; got "${env['BENCH_SCALE']}"`);
  }
  const runs = Number(env['BENCH_RUNS'] ?? String(DEFAULT_RUNS));
  // Fewer than 3 runs has no meaningful median: one disturbed run would be half the evidence.
  if (!Number.isInteger(runs) || runs < MIN_RUNS) {
    throw new Error(`BENCH_RUNS must be an integer ≥ ${MIN_RUNS}; got "${env['BENCH_RUNS']}"`);
  }
  return { scale, runs };
}
