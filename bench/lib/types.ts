/** What the runner hands every benchmark. */
export interface BenchmarkContext {
  /** Multiplies every row count: 1 for the figures quoted in docs, less for a quick run. */
  scale: number;
  /** Measured runs per scenario (at least 3); one warm-up run comes on top. */
  runs: number;
  /** Prints one progress line. */
  log(line: string): void;
}

/**
 * What a scenario should reach. `min`/`max` bound its median in its own unit; `minRatio` and
 * `maxRatio` bound its median divided by its baseline's median (e.g. 0.6 = "at least 60 % of the
 * baseline"; 1.1 = "at most 10 % above it", for a figure that must stay flat, such as memory).
 */
export interface Target {
  min?: number;
  max?: number;
  minRatio?: number;
  maxRatio?: number;
}

/** The raw samples of one scenario; the runner derives median, spread and ratio from them. */
export interface Measurement {
  scenario: string;
  /** A rate, e.g. `heartbeats/s`: ratios assume higher is better. */
  unit: string;
  runs: number[];
  /** The scenario of the same result it is compared with; a baseline names itself. */
  baseline: string;
  target?: Target;
}

export interface BenchmarkResult {
  /** Everything needed to reproduce or judge the figures: sizes, server settings, … */
  settings: Record<string, unknown>;
  measurements: Measurement[];
}

/** A file `bench/benchmarks/<name>.bench.ts` exports one of these as `benchmark`. */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchmarkContext): Promise<BenchmarkResult>;
}
