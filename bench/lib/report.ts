import Table from 'cli-table3';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatNumber, formatPercent } from './format';
import type { MachineInfo } from './machine';
import type { Metric } from './summarise';
import type { Target } from './types';

/** The contents of `bench/results/<name>.json`. */
export interface BenchmarkReport {
  name: string;
  description: string;
  /** When the benchmark started (ISO 8601). */
  date: string;
  /** How long the benchmark took, seconds: what a full `npm run bench` is planned from (lib/full-run.ts). */
  seconds?: number;
  machine: MachineInfo;
  settings: Record<string, unknown>;
  metrics: Metric[];
}

/** The columns of every console table of figures. */
export const TABLE_HEAD = ['scenario', 'median', 'min', 'max', 'unit', 'baseline', 'ratio', 'target', 'met'];

/** A console table of figures; plain text, since it also lands in CI logs and in docs. */
export function newFiguresTable(): Table.Table {
  return new Table({
    head: TABLE_HEAD,
    colAligns: ['left', 'right', 'right', 'right', 'left', 'left', 'right', 'left', 'left'],
    style: { head: [], border: [], compact: true },
  });
}

/** One metric as a row of that table. */
export function metricCells(m: Metric): string[] {
  const ownBaseline = m.baseline.scenario === m.scenario;
  return [
    m.scenario,
    formatNumber(m.median),
    formatNumber(m.min),
    formatNumber(m.max),
    m.unit,
    ownBaseline ? '(baseline)' : m.baseline.scenario,
    ownBaseline ? '' : formatPercent(m.ratio),
    m.target ? describeTarget(m.target) : '',
    m.target ? (m.target.met ? 'yes' : 'NO') : '',
  ];
}

export function renderTable(report: BenchmarkReport): string {
  const table = newFiguresTable();
  for (const m of report.metrics) table.push(metricCells(m));
  const runs = report.metrics[0]?.runs.length ?? 0;
  return `${report.name}: ${report.description}\nmedians of ${runs} runs; ratio = median / median of its baseline in the same run\n${table.toString()}`;
}

/** The scenarios of `report` that missed their target. */
export function missedTargets(report: BenchmarkReport): string[] {
  return report.metrics.filter((m) => m.target && !m.target.met).map((m) => m.scenario);
}

/** `≥ 50,000 and ≥ 60 % of baseline`: a target in words, as the tables print it. */
export function describeTarget(target: Target): string {
  const parts = [
    target.min === undefined ? undefined : `≥ ${formatNumber(target.min)}`,
    target.max === undefined ? undefined : `≤ ${formatNumber(target.max)}`,
    target.minRatio === undefined ? undefined : `≥ ${formatPercent(target.minRatio)} of baseline`,
    target.maxRatio === undefined ? undefined : `≤ ${formatPercent(target.maxRatio)} of baseline`,
  ];
  return parts.filter((part) => part !== undefined).join(' and ');
}

/** Writes the report next to the others; via a temp file so a crash never leaves half a JSON. */
export async function writeReport(report: BenchmarkReport, directory: string): Promise<string> {
  const path = join(directory, `${report.name}.json`);
  await writeFile(`${path}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
  return path;
}
