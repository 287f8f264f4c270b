/** What the simulator's summary (apps/simulator/src/report/summary.ts) says about a run, in heartbeats. */
export interface SimulatorSummary {
  sent: number;
  accepted: number;
  duplicates: number;
  /** Refused in any way: non-2xx answers, connection errors, items rejected inside a 202. */
  rejected: number;
  requests: number;
  seconds: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  /** `503 unavailable: 1000` and the like, one per reason. */
  rejections: string[];
}

/**
 * Reads the summary the simulator prints at the end: its kinds' rows (`vehicles  sent accepted
 * duplicates rejected accepted/s`), the requests line and one line per reason for refusals.
 */
export function parseSimulatorSummary(output: string): SimulatorSummary {
  const rows = [...output.matchAll(/^(?:vehicles|aircraft)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+$/gm)].map((row) =>
    row.slice(1, 5).map(Number),
  );
  const requests = /^(\d+) requests in ([\d.]+) s, latency p50 (\S+)(?: ms)?, p99 (\S+)(?: ms)?$/m.exec(output);
  if (rows.length === 0 || !requests) throw new Error(`the simulator printed no summary:\n${output}`);
  const total = (column: number): number => rows.reduce((sum, row) => sum + (row[column] ?? 0), 0);
  const ms = (text: string | undefined): number | null => (text === undefined || text === '-' ? null : Number(text));
  return {
    sent: total(0),
    accepted: total(1),
    duplicates: total(2),
    rejected: total(3),
    requests: Number(requests[1]),
    seconds: Number(requests[2]),
    latencyP50Ms: ms(requests[3]),
    latencyP99Ms: ms(requests[4]),
    rejections: [...output.matchAll(/^rejected (.+): (\d+) heartbeats$/gm)].map((line) => `${line[1]}: ${line[2]}`),
  };
}
