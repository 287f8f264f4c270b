import { formatNumber } from './format';
import { TABLE_HEAD, metricCells, missedTargets, newFiguresTable, type BenchmarkReport } from './report';

/**
 * One table of every benchmark of a run, grouped under a line per benchmark (its scale, runs and
 * duration), then the targets missed across all of them: the whole run at a glance after the
 * per-benchmark tables have scrolled by.
 */
export function renderCombinedTable(reports: readonly BenchmarkReport[]): string {
  const table = newFiguresTable();
  for (const report of reports) {
    const took = typeof report.seconds === 'number' ? `, ${formatNumber(Math.round(report.seconds))} s` : '';
    table.push([
      {
        colSpan: TABLE_HEAD.length,
        content: `${report.name} (scale ${String(report.settings['scale'])}, ${String(report.settings['runs'])} runs${took})`,
      },
    ]);
    for (const metric of report.metrics) table.push(metricCells(metric));
  }
  const missed = reports.flatMap((report) => missedTargets(report).map((scenario) => `${report.name}: ${scenario}`));
  const verdict = missed.length === 0 ? 'targets missed: none' : `targets missed (${missed.length}):\n  ${missed.join('\n  ')}`;
  return `every benchmark of this run; ratio = median / median of its baseline in the same run\n${table.toString()}\n${verdict}`;
}
