import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from './types';

const SUFFIX = '.bench.ts';

/** Names of the benchmarks in `directory`: one `<name>.bench.ts` each (helpers live in subfolders). */
export function listBenchmarks(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

/** Loads one benchmark file lazily, so a broken benchmark cannot stop the others from running. */
export function loadBenchmark(directory: string, name: string): Benchmark {
  // require, not import: the file is chosen at run time and loaded only when selected.
  const loaded = require(join(directory, `${name}${SUFFIX}`)) as { benchmark?: Partial<Benchmark> };
  const benchmark = loaded.benchmark;
  if (benchmark?.name !== name || typeof benchmark.run !== 'function' || typeof benchmark.description !== 'string') {
    throw new Error(`${name}${SUFFIX} must export \`benchmark\`: { name: '${name}', description, run(context) }`);
  }
  return benchmark as Benchmark;
}
