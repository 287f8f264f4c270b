import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCharts } from './charts';
import { formatMarkdown } from './format-markdown';
import { loadResults } from './load-results';
import { CHARTS_DIR, performanceMarkdown } from './markdown';
import { renderCharts } from './render-charts';

export interface PerformanceReportPaths {
  /** `bench/results`: one `<name>.json` per benchmark. */
  resultsDir: string;
  /** `docs`: receives `PERFORMANCE.md` and `performance/*.svg`. */
  docsDir: string;
}

/**
 * Renders docs/PERFORMANCE.md and its charts from every result in `resultsDir`. Resolves to the
 * files written. The charts directory holds only this report's SVGs: one no longer drawn is removed.
 */
export async function writePerformanceReport(paths: PerformanceReportPaths): Promise<string[]> {
  const reports = loadResults(paths.resultsDir);
  const charts = buildCharts(reports);
  const svgs = await renderCharts(charts);
  const chartsDir = join(paths.docsDir, CHARTS_DIR);
  await mkdir(chartsDir, { recursive: true });
  for (const file of await readdir(chartsDir)) {
    if (file.endsWith('.svg') && !svgs.has(file)) await rm(join(chartsDir, file));
  }
  const written: string[] = [];
  for (const [file, svg] of svgs) {
    const path = join(chartsDir, file);
    await writeFile(path, `${svg}\n`);
    written.push(path);
  }
  const markdownPath = join(paths.docsDir, 'PERFORMANCE.md');
  await writeFile(markdownPath, await formatMarkdown(performanceMarkdown(reports, charts), markdownPath));
  return [markdownPath, ...written];
}
