import { join } from 'node:path';
import type { Chart } from './chart';
import { runNode } from './run-node';

/** Renders every chart to SVG markup (in `render-svg.mjs`, see there why), keyed by its file name. */
export async function renderCharts(charts: readonly Chart[]): Promise<Map<string, string>> {
  if (charts.length === 0) return new Map();
  const input = JSON.stringify(charts.map(({ file, spec }) => ({ file, spec })));
  const output = await runNode(join(__dirname, 'render-svg.mjs'), [], input);
  return new Map(Object.entries(JSON.parse(output) as Record<string, string>));
}
