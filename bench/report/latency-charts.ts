import type { BenchmarkReport } from '../lib/report';
import type { Metric } from '../lib/summarise';
import { CHART_SIZE, layeredSpec, type Chart } from './chart';
import { findReport, isBaseline, matchMetrics } from './load-results';
import { firstTargetLine, referenceLayer, runOf } from './reference-lines';

interface Bar {
  group: string;
  series: string;
  median: number;
}

interface LatencyChart {
  file: string;
  title: string;
  caption: string;
  /** What the target bounds, e.g. `p99`: the chart draws the first target among its metrics. */
  targetOf: string;
  log: boolean;
  seriesTitle: string;
}

/** Horizontal bars of latencies, one row per group and one bar per series, with the metrics' target. */
function latencyChart(report: BenchmarkReport, metrics: readonly Metric[], bars: readonly Bar[], chart: LatencyChart): Chart {
  const { log, seriesTitle } = chart;
  return {
    benchmark: report.name,
    file: chart.file,
    title: chart.title,
    caption: `${chart.caption} ${runOf(report)}`,
    spec: layeredSpec(
      [
        {
          data: { values: [...bars] },
          mark: 'bar',
          encoding: {
            y: { field: 'group', type: 'nominal', sort: null, title: null },
            yOffset: { field: 'series', type: 'nominal', sort: null },
            x: {
              field: 'median',
              type: 'quantitative',
              title: log ? 'ms (log scale), lower is better' : 'ms, lower is better',
              ...(log ? { scale: { type: 'log' } } : {}),
            },
            // A log scale has no 0 for bars to start from: they start a decade below the smallest bar.
            ...(log ? { x2: { datum: logFloor(bars) } } : {}),
            color: { field: 'series', type: 'nominal', title: seriesTitle, sort: null },
          },
        },
        referenceLayer('x', firstTargetLine(metrics, chart.targetOf)),
      ],
      { width: CHART_SIZE.width - 180, height: { step: 12 } },
    ),
  };
}

function logFloor(bars: readonly Bar[]): number {
  return 10 ** (Math.floor(Math.log10(Math.max(Math.min(...bars.map((bar) => bar.median)), 0.01))) - 1);
}

/** Which metrics a latency chart shows and how each becomes a bar. */
interface LatencyChartSource extends Omit<LatencyChart, 'caption'> {
  benchmark: string;
  /** Matched against every scenario; its groups go to `bar`. */
  pattern: RegExp;
  bar(metric: Metric, groups: string[]): Bar;
  caption(report: BenchmarkReport): string;
}

function chartFrom(reports: readonly BenchmarkReport[], source: LatencyChartSource): Chart | undefined {
  const report = findReport(reports, source.benchmark);
  const matched = report ? matchMetrics(report, source.pattern).filter(({ metric }) => metric.unit === 'ms') : [];
  if (!report || matched.length === 0) return undefined;
  const bars = matched.map(({ metric, groups }) => source.bar(metric, groups));
  return latencyChart(
    report,
    matched.map(({ metric }) => metric),
    bars,
    { ...source, caption: source.caption(report) },
  );
}

/** The ingest's request latency p50 and p99, each server beside the bare route. */
export function ingestLatencyChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  return chartFrom(reports, {
    benchmark: 'ingest',
    pattern: /^(.*), (p\d+)$/,
    bar: (metric, [server = '', percentile = '']) => ({ group: server, series: percentile, median: metric.median }),
    file: 'ingest-latency.svg',
    title: 'HTTP ingest: request latency percentiles',
    caption: () => "autocannon's p50 and p99 of each server under the same load.",
    targetOf: 'p99',
    log: false,
    seriesTitle: 'percentile',
  });
}

/** Search and track p95 of every query on PostgreSQL beside Elasticsearch. */
export function queryLatencyChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  return chartFrom(reports, {
    benchmark: 'query',
    pattern: /^(Elasticsearch|PostgreSQL) (.*), p95$/,
    bar: (metric, [store = '', query = '']) => ({
      // Each store names its baseline after its own call; one label puts the two side by side.
      group: isBaseline(metric) ? 'a page of 100, no filter (baseline)' : query,
      series: store,
      median: metric.median,
    }),
    file: 'query-latency-p95.svg',
    title: 'Read models: p95 latency of each query, PostgreSQL and Elasticsearch',
    caption: (report) => {
      const calls = (report.settings['search'] as { callsPerRun?: number } | undefined)?.callsPerRun;
      return `Median over the runs of each run's p95 of ${calls ?? 'its'} calls; log scale.`;
    },
    targetOf: 'p95',
    log: true,
    seriesTitle: 'read model',
  });
}

/** The live stream's delivery latency at each client count, Beacon beside the bare fan-out. */
export function livePushLatencyChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  return chartFrom(reports, {
    benchmark: 'query',
    pattern: /^live push (p\d+), ([\d,]+ clients) \((.*)\)$/,
    bar: (metric, [percentile = '', clients = '', server = '']) => ({
      group: `${clients}, ${percentile}`,
      series: server,
      median: metric.median,
    }),
    file: 'live-push-latency.svg',
    title: 'Live stream: heartbeat sent → position received, by connected clients',
    caption: () => 'p50 and p99 over every (heartbeat, probe) pair, medians of the runs.',
    targetOf: 'p99',
    log: false,
    seriesTitle: 'server',
  });
}
