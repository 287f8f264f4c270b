import type { Scenario } from '../../lib/repeat';
import { freshPageScenario, type FreshPageOptions } from './fresh-page-scenario';
import { postAtRate, type HeartbeatRotation } from './paced-heartbeats';
import { traced } from './page-trace';
import type { TracedTask } from './trace-tasks';

/** The Long Tasks API reports nothing shorter: a window without long tasks counts as this. */
export const LONG_TASK_THRESHOLD_MS = 50;
/** The target's bound: a task this long is a stutter the user sees. */
const LONG_TASK_LIMIT_MS = 100;
/** After the last heartbeat, inside the window: the stream's last messages arrive and are applied. */
const GRACE_MS = 3_000;
/**
 * Heartbeats that must reach the page as the live stream's positions: each asset reports once in
 * 10 s, far apart for the stream's one-per-second throttle, so all of them should. Fewer, and the
 * page was not under the load the figure claims.
 */
const LEAST_DELIVERED = 0.9;

export interface LiveWindowOptions extends FreshPageOptions {
  /** Heartbeats posted a second during the window; 0 leaves the page idle. */
  perSecond: number;
  rotation: HeartbeatRotation;
  seconds: number;
  log(line: string): void;
}

/** What each measured run saw beside its longest task. */
export interface LiveWindowDetails {
  longTasks: number[];
  longTasksOver100Ms: number[];
  /** Time spent in long tasks ÷ the window. */
  longTaskShare: number[];
  positionsReceivedPerSecond: number[];
  /**
   * Rows shown at the end whose last-seen time is from the window, ÷ rows shown. Below 1 when a
   * poll answer the read model gave before projecting some heartbeats replaced rows the stream had
   * moved on (until the next poll); `projectionLagMs` says how far behind it was.
   */
  rowsUpdated: number[];
  projectionLagMs: number[];
}

/**
 * A page open on the whole fleet for `seconds` (+ a grace period), with heartbeats posted at
 * `perSecond` or none; the value is the longest task the page ran in that time. A run with
 * heartbeats fails unless the page received them as the live stream's positions; how many of the
 * rows it shows at the end carry a heartbeat of the window is recorded.
 */
export function liveWindow(options: LiveWindowOptions): { scenario: Scenario; details: LiveWindowDetails } {
  const details: LiveWindowDetails = {
    longTasks: [],
    longTasksOver100Ms: [],
    longTaskShare: [],
    positionsReceivedPerSecond: [],
    rowsUpdated: [],
    projectionLagMs: [],
  };
  const scenario = freshPageScenario(options, async (open, runNumber) => {
    const warmUp = runNumber === 1;
    const startedAt = Date.now();
    const before = await open.probe();
    const pageStart = await open.page.evaluate(() => performance.now());
    const window = async () => {
      const posted =
        options.perSecond > 0
          ? await postAtRate(options, options.rotation, options.perSecond, options.seconds)
          : await new Promise<null>((resolve) => setTimeout(() => resolve(null), options.seconds * 1000));
      await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
      return posted;
    };
    const traceDirectory = process.env['BENCH_DASHBOARD_TRACE'];
    let sent: Awaited<ReturnType<typeof window>>;
    if (traceDirectory && !warmUp) {
      const name = `${options.scenario.replace(/\W+/g, '-')}-${runNumber}`;
      const trace = await traced(options.browser, open.page, traceDirectory, name, LONG_TASK_THRESHOLD_MS, window);
      sent = trace.result;
      options.log(`          trace ${trace.path}: ${describeTasks(trace.tasks)}`);
    } else {
      sent = await window();
    }
    const after = await open.probe();
    const pageEnd = await open.page.evaluate(() => performance.now());
    const lastSeen = await open.page.$$eval('[data-testid="asset-row"] [data-testid="asset-last-seen"]', (cells) =>
      cells.map((cell) => cell.getAttribute('title')),
    );
    const tasks = after.longTasks.filter((task) => task.start >= pageStart).map((task) => task.duration);
    const longest = Math.max(LONG_TASK_THRESHOLD_MS, ...tasks);
    const updated = lastSeen.filter((iso) => iso !== null && Date.parse(iso) >= startedAt).length;
    const positions = after.positions - before.positions;
    const lagMs = await projectionLagMs(options.url, options.adminKey);
    const run = {
      longTasks: tasks.length,
      over100: tasks.filter((duration) => duration > LONG_TASK_LIMIT_MS).length,
      share: tasks.reduce((sum, duration) => sum + duration, 0) / (pageEnd - pageStart),
      positionsPerSecond: positions / options.seconds,
      rowsUpdated: lastSeen.length === 0 ? 0 : updated / lastSeen.length,
      lagMs,
    };
    options.log(
      `          ${sent ? `${sent.sent} heartbeats sent (at most ${sent.mostInFlight} batches unanswered), ` : ''}` +
        `${positions} positions received; ${run.longTasks} long tasks, ${run.over100} over ${LONG_TASK_LIMIT_MS} ms, ` +
        `${Math.round(run.share * 100)} % of the window in long tasks; ${updated} of ${lastSeen.length} rows show a heartbeat of the window; projection lag ${lagMs} ms`,
    );
    if (sent && positions < LEAST_DELIVERED * sent.sent) {
      throw new Error(`${options.scenario}: the page received ${positions} positions of the ${sent.sent} heartbeats sent`);
    }
    if (!warmUp) {
      details.longTasks.push(run.longTasks);
      details.longTasksOver100Ms.push(run.over100);
      details.longTaskShare.push(Math.round(run.share * 1000) / 1000);
      details.positionsReceivedPerSecond.push(Math.round(run.positionsPerSecond));
      details.rowsUpdated.push(Math.round(run.rowsUpdated * 1000) / 1000);
      details.projectionLagMs.push(run.lagMs);
    }
    return longest;
  });
  return { scenario, details };
}

/** How far the server's read model trailed its log just now (`GET /api/v1/stats`). */
async function projectionLagMs(url: string, adminKey: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/stats`, { headers: { authorization: `Bearer ${adminKey}` } });
  if (!response.ok) throw new Error(`GET /api/v1/stats answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { projection: { lagMs: number } }).projection.lagMs;
}

/** The longest traced tasks, wall and thread time, with their largest parts. */
function describeTasks(tasks: TracedTask[]): string {
  const cpu = tasks.map((task) => task.cpuMs).sort((a, b) => b - a);
  const top = tasks.slice(0, 5).map(
    (task) =>
      `${task.wallMs} ms (cpu ${task.cpuMs}: ${task.work
        .slice(0, 3)
        .map((w) => `${w.name} ${w.ms}`)
        .join(', ')})`,
  );
  return `${tasks.length} long tasks; longest by cpu ${cpu.slice(0, 5).join(', ')} ms; longest by wall: ${top.join('; ')}`;
}
