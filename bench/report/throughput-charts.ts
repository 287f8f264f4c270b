import type { BenchmarkReport } from '../lib/report';
import { CHART_CONFIG, CHART_SIZE, layeredSpec, type Chart } from './chart';
import { findReport, isBaseline, matchMetrics } from './load-results';
import { firstTargetLine, referenceLayer, runOf } from './reference-lines';

/** The event-store writer's rate as concurrent callers grow, against the raw INSERT of the same run. */
export function writerThroughputChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const report = findReport(reports, 'event-store');
  if (!report) return undefined;
  const points = matchMetrics(report, /^writer, (\d+) callers?(, 1 flush in flight)?$/).map(({ metric, groups }) => ({
    callers: Number(groups[0]),
    series: groups[1] ? 'writer, 1 flush in flight' : 'writer (one heartbeat per call)',
    median: metric.median,
    min: metric.min,
    max: metric.max,
  }));
  const baseline = report.metrics.find((metric) => isBaseline(metric) && metric.unit === 'heartbeats/s');
  if (points.length === 0 || !baseline) return undefined;
  const writerMetrics = matchMetrics(report, /^writer, \d+ callers?$/).map(({ metric }) => metric);
  const lines = [{ label: `${baseline.scenario} (baseline)`, value: baseline.median }, ...firstTargetLine(writerMetrics, 'writer')];
  return {
    benchmark: report.name,
    file: 'event-store-writer-throughput.svg',
    title: 'Event-store writer: throughput against concurrent callers',
    caption: `Each caller appends one heartbeat and waits for its commit; bars show min–max of the runs. ${runOf(report)}`,
    spec: layeredSpec([
      {
        data: { values: points },
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'callers',
            type: 'quantitative',
            scale: { type: 'log' },
            axis: { values: [...new Set(points.map((point) => point.callers))], format: 'd' },
            title: 'concurrent callers (log scale)',
          },
          y: { field: 'median', type: 'quantitative', title: baseline.unit },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
      {
        data: { values: points },
        mark: { type: 'rule' },
        encoding: { x: { field: 'callers', type: 'quantitative' }, y: { field: 'min', type: 'quantitative' }, y2: { field: 'max' } },
      },
      referenceLayer('y', lines),
    ]),
  };
}

/** Every throughput scenario of the HTTP ingest beside its baseline, one panel per unit. */
export function ingestThroughputChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const report = findReport(reports, 'ingest');
  if (!report) return undefined;
  const bars = report.metrics
    .filter((metric) => metric.unit !== 'ms')
    .map((metric) => ({
      scenario: metric.scenario,
      unit: metric.unit,
      kind: isBaseline(metric) ? 'baseline' : 'Beacon',
      median: metric.median,
      min: metric.min,
      max: metric.max,
    }));
  if (bars.length === 0) return undefined;
  return {
    benchmark: report.name,
    file: 'ingest-throughput.svg',
    title: 'HTTP ingest: throughput of each scenario',
    caption: `Medians with min–max of the runs; each panel has its own scale. ${runOf(report)}`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config: CHART_CONFIG,
      data: { values: bars },
      facet: { row: { field: 'unit', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } } },
      spec: {
        width: CHART_SIZE.width - 200,
        height: { step: 22 },
        layer: [
          {
            mark: 'bar',
            encoding: {
              y: { field: 'scenario', type: 'nominal', sort: null, title: null },
              x: { field: 'median', type: 'quantitative', title: 'median' },
              color: { field: 'kind', type: 'nominal', title: null },
            },
          },
          {
            mark: { type: 'rule', color: 'black' },
            encoding: {
              y: { field: 'scenario', type: 'nominal', sort: null },
              x: { field: 'min', type: 'quantitative' },
              x2: { field: 'max' },
            },
          },
        ],
      },
      resolve: { scale: { x: 'independent', y: 'independent' } },
    },
  };
}
