import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderCombinedTable } from './lib/combined-table';
import { listBenchmarks, loadBenchmark } from './lib/discover';
import { ALONE_PROFILE, FULL_RUN_BUDGET_MINUTES, FULL_RUN_PROFILE, fullRunSettings, plannedMinutes } from './lib/full-run';
import { machineInfo } from './lib/machine';
import { missedTargets, renderTable, writeReport, type BenchmarkReport } from './lib/report';
import { readSettings, type HarnessSettings } from './lib/settings';
import { summarise } from './lib/summarise';
import { writePerformanceReport } from './report/performance-report';

const BENCHMARKS_DIR = join(__dirname, 'benchmarks');
const RESULTS_DIR = join(__dirname, 'results');
const DOCS_DIR = join(__dirname, '..', 'docs');
const REPORT_ONLY = '--report-only';

/**
 * `npm run bench [-- <name>...]`: runs the named benchmarks (all of them without a name), one
 * after the other so they never compete for the two cores. Without a name it is the full run: each
 * benchmark at its size in bench/lib/full-run.ts, one combined table, then docs/PERFORMANCE.md
 * rendered. `--report-only` renders docs/PERFORMANCE.md from the results as they are, running
 * nothing. Resolves to the process exit code.
 */
export async function main(args: readonly string[]): Promise<number> {
  if (args.includes(REPORT_ONLY)) {
    if (args.length > 1) {
      console.error(`${REPORT_ONLY} runs no benchmark: give it alone.`);
      return 1;
    }
    await renderReport();
    return 0;
  }
  const known = listBenchmarks(BENCHMARKS_DIR);
  const unknown = args.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Known: ${known.join(', ')}.`);
    return 1;
  }
  let settings: HarnessSettings;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  const fullRun = args.length === 0;
  const names = fullRun ? known : args;
  if (fullRun) announcePlan(names);
  const started = performance.now();
  const reports: BenchmarkReport[] = [];
  let failed = 0;
  for (const name of names) {
    try {
      const own = fullRun ? fullRunSettings(name, process.env, settings) : settings;
      reports.push(await runOne(name, own, fullRun ? FULL_RUN_PROFILE : ALONE_PROFILE));
    } catch (error) {
      // Keep going: one broken benchmark should not cost the figures of the others.
      console.error(`\n[${name}] failed:`, error);
      failed++;
    }
  }
  if (reports.length > 1) {
    console.log(`\n${renderCombinedTable(reports)}`);
    console.log(
      `${reports.length} benchmarks in ${((performance.now() - started) / 60_000).toFixed(1)} min${failed > 0 ? `, ${failed} failed` : ''}`,
    );
  }
  if (fullRun) await renderReport();
  return failed > 0 ? 1 : 0;
}

function announcePlan(names: readonly string[]): void {
  const { minutes, unplanned } = plannedMinutes(names);
  const extra = unplanned.length > 0 ? ` plus ${unplanned.join(', ')} (not in bench/lib/full-run.ts: at its defaults)` : '';
  console.log(`Full run: ${names.join(', ')}; about ${minutes.toFixed(1)} min planned${extra}, budget ${FULL_RUN_BUDGET_MINUTES} min.`);
}

async function renderReport(): Promise<void> {
  const written = await writePerformanceReport({ resultsDir: RESULTS_DIR, docsDir: DOCS_DIR });
  console.log(`rendered: ${written.map((path) => relative(process.cwd(), path)).join(', ')}`);
}

async function runOne(name: string, settings: HarnessSettings, profile: string): Promise<BenchmarkReport> {
  const benchmark = loadBenchmark(BENCHMARKS_DIR, name);
  const date = new Date().toISOString();
  const started = performance.now();
  const machine = machineInfo();
  const log = (line: string): void => console.log(`[${name}] ${line}`);
  log(`${benchmark.description} (scale ${settings.scale}, ${settings.runs} runs + warm-up, load ${machine.loadAverageAtStart.join(' ')})`);
  const result = await benchmark.run({ ...settings, log });
  const report: BenchmarkReport = {
    name,
    description: benchmark.description,
    date,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    machine,
    settings: { scale: settings.scale, runs: settings.runs, profile, ...result.settings },
    metrics: summarise(result.measurements),
  };
  console.log(`\n${renderTable(report)}`);
  const missed = missedTargets(report);
  // A missed target is a finding, not a crash: the figures are still written and the exit code
  // stays 0, because on a shared machine a single run can miss a target the code really meets.
  if (missed.length > 0) console.log(`targets missed: ${missed.join(', ')}`);
  console.log(`written: ${relative(process.cwd(), await writeReport(report, RESULTS_DIR))}\n`);
  return report;
}
