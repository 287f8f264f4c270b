import { percentile, type Tally } from './tally';

/** The run's summary, for people: per kind what was sent and what became of it, the refusals, the latency. */
export function summary(tally: Tally, seconds: number): string {
  const row = (label: string, values: (string | number)[]) => label.padEnd(10) + values.map((value) => String(value).padStart(12)).join('');
  const lines = [row('', ['sent', 'accepted', 'duplicates', 'rejected', 'accepted/s'])];
  for (const kind of ['vehicle', 'aircraft'] as const) {
    const counts = tally.byKind[kind];
    if (counts.sent === 0) continue;
    lines.push(
      row(kind === 'vehicle' ? 'vehicles' : 'aircraft', [
        counts.sent,
        counts.accepted,
        counts.duplicates,
        counts.rejected,
        Math.round(counts.accepted / Math.max(seconds, 1)),
      ]),
    );
  }
  const ms = (p: number) => {
    const value = percentile(tally.latencies, p);
    return value === undefined ? '-' : `${value.toFixed(1)} ms`;
  };
  lines.push(`${tally.requests} requests in ${seconds.toFixed(1)} s, latency p50 ${ms(50)}, p99 ${ms(99)}`);
  for (const [reason, count] of [...tally.rejections].sort((a, b) => b[1] - a[1])) lines.push(`rejected ${reason}: ${count} heartbeats`);
  return lines.join('\n');
}
