import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkReport } from '../lib/report';
import type { Metric } from '../lib/summarise';

/** The report's order: from the log up to the browser, then the end-to-end load. Others follow by name. */
const ORDER = ['event-store', 'ingest', 'projections', 'query', 'dashboard', 'load'];

/** Every `<name>.json` in the results directory, in the report's order. */
export function loadResults(directory: string): BenchmarkReport[] {
  const reports = readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(directory, file), 'utf8')) as BenchmarkReport);
  return reports.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}

export function findReport(reports: readonly BenchmarkReport[], name: string): BenchmarkReport | undefined {
  return reports.find((report) => report.name === name);
}

/** The metrics whose scenario matches `pattern`, each with the pattern's groups. */
export function matchMetrics(report: BenchmarkReport, pattern: RegExp): { metric: Metric; groups: string[] }[] {
  return report.metrics.flatMap((metric) => {
    const match = pattern.exec(metric.scenario);
    return match ? [{ metric, groups: match.slice(1) }] : [];
  });
}

export function isBaseline(metric: Metric): boolean {
  return metric.baseline.scenario === metric.scenario;
}
