import type { TopLevelSpec } from 'vega-lite/build/index';

/** One figure of docs/PERFORMANCE.md: a vega-lite spec and where it goes. */
export interface Chart {
  /** The benchmark whose section shows it. */
  benchmark: string;
  /** File name under docs/performance/, e.g. `event-store-writer.svg`. */
  file: string;
  title: string;
  /** One or two sentences under the chart: what to read from it. */
  caption: string;
  spec: TopLevelSpec;
}

/** One layer of a layered chart. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** Size and look shared by every chart, so the report reads as one document. */
export const CHART_SIZE = { width: 560, height: 240 } as const;

export const CHART_CONFIG = {
  font: 'sans-serif',
  background: 'white',
  view: { stroke: null },
  // No label limits: scenario names are long, and a cut one no longer says which scenario it is.
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', direction: 'vertical', labelLimit: 0 },
} as const;

/** A layered chart at the report's size and look. */
export function layeredSpec(layer: Layer[], extra: Partial<Extract<TopLevelSpec, { layer: unknown }>> = {}): TopLevelSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...CHART_SIZE, config: CHART_CONFIG, ...extra, layer };
}
