import type { BenchmarkReport } from '../lib/report';
import type { Chart } from './chart';
import { loadLagChart, loadMemoryChart, projectionLagChart } from './lag-charts';
import { ingestLatencyChart, livePushLatencyChart, queryLatencyChart } from './latency-charts';
import { ingestThroughputChart, writerThroughputChart } from './throughput-charts';

const BUILDERS = [
  writerThroughputChart,
  ingestThroughputChart,
  ingestLatencyChart,
  projectionLagChart,
  queryLatencyChart,
  livePushLatencyChart,
  loadLagChart,
  loadMemoryChart,
];

/** Every chart the results can fill; a chart whose benchmark has no results yet is left out. */
export function buildCharts(reports: readonly BenchmarkReport[]): Chart[] {
  return BUILDERS.map((build) => build(reports)).filter((chart): chart is Chart => chart !== undefined);
}
