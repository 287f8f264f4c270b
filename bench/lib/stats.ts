/** The p-th percentile (0–100) with linear interpolation between the closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  if (p < 0 || p > 100) throw new Error(`percentile must be within 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const below = sorted[lower] as number;
  const above = sorted[upper] as number;
  return below + (above - below) * (rank - lower);
}

/**
 * The median, not the mean: on a machine shared with others one run that got descheduled
 * would drag a mean down, while the median only moves if most runs were disturbed.
 */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function min(values: readonly number[]): number {
  return percentile(values, 0);
}

export function max(values: readonly number[]): number {
  return percentile(values, 100);
}
