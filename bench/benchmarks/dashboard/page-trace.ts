import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { tracedLongTasks, type TracedTask } from './trace-tasks';

/** Chromium's categories for the main thread's tasks with their thread time, and what ran in them. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];

/**
 * Runs `work` while Chromium traces `page` into `directory/<name>.json`, then reads the long tasks
 * back. Tracing costs the page some time of its own, so only runs asked for it
 * (`BENCH_DASHBOARD_TRACE`) are traced, and their figures are the evidence of where time went, not
 * the benchmark's.
 */
export async function traced<T>(
  browser: Browser,
  page: Page,
  directory: string,
  name: string,
  thresholdMs: number,
  work: () => Promise<T>,
): Promise<{ result: T; tasks: TracedTask[]; path: string }> {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${name}.json`);
  await browser.startTracing(page, { path, categories: CATEGORIES });
  let result: T;
  try {
    result = await work();
  } finally {
    await browser.stopTracing();
  }
  const tasks = tracedLongTasks(JSON.parse(readFileSync(path, 'utf8')), thresholdMs);
  return { result, tasks, path };
}
