import type { BenchmarkReport } from '../lib/report';
import { CHART_CONFIG, CHART_SIZE, layeredSpec, type Chart } from './chart';
import { findReport, matchMetrics } from './load-results';
import { firstTargetLine, referenceLayer, runOf } from './reference-lines';

/** One second of the `load` benchmark's run, as it records them in `settings.timeline`. */
export interface LoadSecond {
  second: number;
  acceptedPerSecond: number;
  lagMs: number;
  rssMb: number;
}

/** The projector's lag p50 and p99 in every measured run, each follower beside the read-only one. */
export function projectionLagChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const report = findReport(reports, 'projections');
  const perScenario = report?.settings['perScenario'] as Record<string, Record<string, number[]>> | undefined;
  if (!report || !perScenario) return undefined;
  const points = Object.entries(perScenario)
    .filter(([scenario]) => scenario.startsWith('lag, '))
    .flatMap(([scenario, values]) =>
      ['p50', 'p99'].flatMap((percentile) =>
        (values[percentile] ?? []).map((ms, index) => ({ follower: scenario.slice('lag, '.length), percentile, run: index + 1, ms })),
      ),
    );
  if (points.length === 0) return undefined;
  const lag = report.settings['lag'] as { rate?: number; seconds?: number } | undefined;
  const lagMetrics = matchMetrics(report, /^lag, .*, p99$/).map(({ metric }) => metric);
  return {
    benchmark: report.name,
    file: 'projections-lag.svg',
    title: 'Projection lag in each run: recorded → handled',
    caption: `${lag?.rate ?? '?'} heartbeats/s offered for ${lag?.seconds ?? '?'} s per run; log scale. ${runOf(report)}`,
    spec: layeredSpec([
      {
        data: { values: points },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'run', type: 'ordinal', title: 'measured run', axis: { labelAngle: 0 } },
          y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'lag, ms (log scale)' },
          color: { field: 'follower', type: 'nominal', title: null },
          strokeDash: { field: 'percentile', type: 'nominal', title: null, legend: { symbolType: 'stroke' } },
        },
      },
      referenceLayer('y', firstTargetLine(lagMetrics, 'p99')),
    ]),
  };
}

function loadTimeline(reports: readonly BenchmarkReport[]): { report: BenchmarkReport; timeline: LoadSecond[] } | undefined {
  const report = findReport(reports, 'load');
  const timeline = report?.settings['timeline'] as LoadSecond[] | undefined;
  return report && Array.isArray(timeline) && timeline.length > 0 ? { report, timeline } : undefined;
}

/** Accepted heartbeats and the projection's lag, second by second, through the load run. */
export function loadLagChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const load = loadTimeline(reports);
  if (!load) return undefined;
  const second = { field: 'second', type: 'quantitative', title: 'seconds into the run' } as const;
  return {
    benchmark: load.report.name,
    file: 'load-lag-over-time.svg',
    title: 'Load run: accepted heartbeats and projection lag over time',
    caption: `Left axis: heartbeats accepted per second; right axis: the projection's lag. ${runOf(load.report)}`,
    spec: layeredSpec(
      [
        {
          mark: { type: 'line', color: '#4c78a8' },
          encoding: { x: second, y: { field: 'acceptedPerSecond', type: 'quantitative', title: 'accepted per second' } },
        },
        {
          mark: { type: 'line', color: '#e45756' },
          encoding: { x: second, y: { field: 'lagMs', type: 'quantitative', title: 'projection lag, ms', axis: { orient: 'right' } } },
        },
      ],
      { data: { values: load.timeline }, resolve: { scale: { y: 'independent' } } },
    ),
  };
}

/** The server's resident memory through the load run: flat, or growing with every heartbeat. */
export function loadMemoryChart(reports: readonly BenchmarkReport[]): Chart | undefined {
  const load = loadTimeline(reports);
  if (!load) return undefined;
  return {
    benchmark: load.report.name,
    file: 'load-memory-over-time.svg',
    title: 'Load run: server memory over time',
    caption: `Resident set size of the server process, sampled every second. ${runOf(load.report)}`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      ...CHART_SIZE,
      config: CHART_CONFIG,
      data: { values: load.timeline },
      mark: 'line',
      encoding: {
        x: { field: 'second', type: 'quantitative', title: 'seconds into the run' },
        y: { field: 'rssMb', type: 'quantitative', title: 'RSS, MB', scale: { zero: true } },
      },
    },
  };
}
