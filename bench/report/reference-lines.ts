import { formatNumber } from '../lib/format';
import type { BenchmarkReport } from '../lib/report';
import type { Metric } from '../lib/summarise';
import type { Layer } from './chart';

/** A horizontal or vertical line across a chart: a baseline's median or a target. */
export interface ReferenceLine {
  label: string;
  value: number;
}

/**
 * A layer drawing each line dashed, coloured by its label, so the chart's legend names it beside
 * the measured series (the layers share one colour scale).
 */
export function referenceLayer(axis: 'x' | 'y', lines: readonly ReferenceLine[]): Layer {
  return {
    data: { values: lines.map((line) => ({ ...line })) },
    mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
    encoding: {
      [axis]: { field: 'value', type: 'quantitative' },
      color: { field: 'label', type: 'nominal', title: null },
    },
  };
}

/** The line of a target on `metric` (its bound in its own unit), if it has one. */
export function targetLine(metric: Metric, what: string): ReferenceLine | undefined {
  const bound = metric.target?.max ?? metric.target?.min;
  if (bound === undefined) return undefined;
  const sign = metric.target?.max === undefined ? '≥' : '≤';
  return { label: `target: ${what} ${sign} ${formatNumber(bound)} ${metric.unit}`, value: bound };
}

/** The first target line among `metrics`: charts show the target a reader checks the bars against. */
export function firstTargetLine(metrics: readonly Metric[], what: string): ReferenceLine[] {
  for (const metric of metrics) {
    const line = targetLine(metric, what);
    if (line) return [line];
  }
  return [];
}

/** A sentence naming the run a chart comes from, for its caption. */
export function runOf(report: BenchmarkReport): string {
  return `Run of ${report.date.slice(0, 10)}, scale ${String(report.settings['scale'])}, medians of ${String(report.settings['runs'])} runs.`;
}
