import { join, relative } from 'node:path';
import { listBenchmarks, loadBenchmark } from './lib/discover';
import { machineInfo } from './lib/machine';
import { renderTable, writeReport, type BenchmarkReport } from './lib/report';
import { readSettings, type HarnessSettings } from './lib/settings';
import { summarise } from './lib/summarise';

const BENCHMARKS_DIR = join(__dirname, 'benchmarks');
const RESULTS_DIR = join(__dirname, 'results');

/**
 * `npm run bench [-- <name>...]`: runs the named benchmarks (all of them without a name), one
 * after the other so they never compete for the two cores. Resolves to the process exit code.
 */
export async function main(args: readonly string[]): Promise<number> {
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
  let failed = 0;
  for (const name of args.length > 0 ? args : known) {
    try {
      await runOne(name, settings);
    } catch (error) {
      // Keep going: one broken benchmark should not cost the figures of the others.
      console.error(`\n[${name}] failed:`, error);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

async function runOne(name: string, settings: HarnessSettings): Promise<void> {
  const benchmark = loadBenchmark(BENCHMARKS_DIR, name);
  const date = new Date().toISOString();
  const machine = machineInfo();
  const log = (line: string): void => console.log(`[${name}] ${line}`);
  log(`${benchmark.description} (scale ${settings.scale}, ${settings.runs} runs + warm-up, load ${machine.loadAverageAtStart.join(' ')})`);
  const result = await benchmark.run({ ...settings, log });
  const report: BenchmarkReport = {
    name,
    description: benchmark.description,
    date,
    machine,
    settings: { scale: settings.scale, runs: settings.runs, ...result.settings },
    metrics: summarise(result.measurements),
  };
  console.log(`\n${renderTable(report)}`);
  const missed = report.metrics.filter((m) => m.target && !m.target.met).map((m) => m.scenario);
  // A missed target is a finding, not a crash: the figures are still written and the exit code
  // stays 0, because on a shared machine a single run can miss a target the code really meets.
  if (missed.length > 0) console.log(`targets missed: ${missed.join(', ')}`);
  console.log(`written: ${relative(process.cwd(), await writeReport(report, RESULTS_DIR))}\n`);
}
