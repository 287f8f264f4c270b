import type { BenchmarkReport } from '../lib/report';
import { CHART_CONFIG, CHART_SIZE, type Chart } from './chart';
import type { TopLevelSpec } from 'vega-lite/build/index';
import { findReport, isBaseline, matchMetrics } from './load-results';
import { firstTargetLine, referenceLayer, runOf } from './reference-lines';

interface Bar {
  group: string;
  series: string;
  median: number;
}

/** Horizontal bars of latencies, one row per group and one bar per series, with target lines. */
function groupedBars(bars: readonly Bar[], lines: ReturnType<typeof firstTargetLine>, options: { log: boolean; seriesTitle: string }): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_SIZE.width - 180,
    height: { step: 12 },
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: [...bars] },
        mark: 'bar',
        encoding: {
          y: { field: 'group', type: 'nominal', sort: null, title: null },
          yOffset: { field: 'series', type: 'nominal', sort: null },
          x: {
            field: 'median',
            type: 'quantitative',
            title: options.log ? 'ms (log scale), lower is better' : 'ms, lower is better',
            ...(options.log ? { scale: { type: 'log' } } : {}),
          },
          // A log scale has no 0 for bars to start from: they start a decade below the smallest bar.
          ...(options.log ? { x2: { datum: logFloor(bars) } } : {}),
          color: { field: 'series', type: 'nominal', title: options.seriesTitle, sort: null },
        },
      },
      referenceLayer('x', lines),
    ],
  };
}

function logFloor(bars: readonly Bar[]): number {
  return 10 ** Math.floor(Math.log10(Math.max(Math.min(...bars.map((bar) => bar.median)), 0.01)) - 1);
}

/** The ingest's request latency p50 and p99, each server beside the bare route. */
export function ingestLatencyChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const report = findReport(reports, 'ingest');
  if (!report) return undefined;
  const matched = matchMetrics(report, /^(.*), (p\d+)$/).filter(({ metric }) => metric.unit === 'ms');
  if (matched.length === 0) return undefined;
  const bars = matched.map(({ metric, groups }) => ({ group: groups[0] ?? '', series: groups[1] ?? '', median: metric.median }));
  return {
    benchmark: report.name,
    file: 'ingest-latency.svg',
    title: 'HTTP ingest: request latency percentiles',
    caption: `autocannon's p50 and p99 of each server under the same load. ${runOf(report)}`,
    spec: groupedBars(
      bars,
      firstTargetLine(
        matched.map(({ metric }) => metric),
        'p99',
      ),
      { log: false, seriesTitle: 'percentile' },
    ),
  };
}

/** Search and track p95 of every query on PostgreSQL beside Elasticsearch. */
export function queryLatencyChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const report = findReport(reports, 'query');
  if (!report) return undefined;
  const matched = matchMetrics(report, /^(Elasticsearch|PostgreSQL) (.*), p95$/);
  if (matched.length === 0) return undefined;
  const bars = matched.map(({ metric, groups }) => ({
    // Each store names its baseline after its own call; one label puts the two side by side.
    group: isBaseline(metric) ? 'a page of 100, no filter (baseline)' : (groups[1] ?? ''),
    series: groups[0] ?? '',
    median: metric.median,
  }));
  return {
    benchmark: report.name,
    file: 'query-latency-p95.svg',
    title: 'Read models: p95 latency of each query, PostgreSQL and Elasticsearch',
    caption: `Median over the runs of each run's p95 of ${String((report.settings['search'] as { callsPerRun?: number } | undefined)?.callsPerRun ?? '')} calls; log scale. ${runOf(report)}`,
    spec: groupedBars(
      bars,
      firstTargetLine(
        matched.map(({ metric }) => metric),
        'p95',
      ),
      { log: true, seriesTitle: 'read model' },
    ),
  };
}

/** The live stream's delivery latency at each client count, Beacon beside the bare fan-out. */
export function livePushLatencyChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const report = findReport(reports, 'query');
  if (!report) return undefined;
  const matched = matchMetrics(report, /^live push (p\d+), ([\d,]+ clients) \((.*)\)$/);
  if (matched.length === 0) return undefined;
  const bars = matched.map(({ metric, groups }) => ({
    group: `${groups[1] ?? ''}, ${groups[0] ?? ''}`,
    series: groups[2] ?? '',
    median: metric.median,
  }));
  return {
    benchmark: report.name,
    file: 'live-push-latency.svg',
    title: 'Live stream: heartbeat sent → position received, by connected clients',
    caption: `p50 and p99 over every (heartbeat, probe) pair, medians of the runs. ${runOf(report)}`,
    spec: groupedBars(
      bars,
      firstTargetLine(
        matched.map(({ metric }) => metric),
        'p99',
      ),
      { log: false, seriesTitle: 'server' },
    ),
  };
}
