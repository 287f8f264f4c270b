/** One event of a Chromium trace (the Trace Event Format), as far as this reads it. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: how long the thread actually ran, without the time it waited for a core. */
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

/** A long task of the page's main thread, with where its time went. */
export interface TracedTask {
  wallMs: number;
  /** Time the thread ran on a core; the rest of `wallMs` it waited for one. */
  cpuMs: number;
  /** The task's work by kind (script, style, layout, paint, GC…), wall ms, largest first. */
  work: { name: string; ms: number }[];
}

/** Work inside a task worth naming: script, rendering and garbage collection. */
const WORK_KINDS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ParseHTML',
  'MajorGC',
  'MinorGC',
  'V8.GCScavenger',
  'V8.GCFinalizeMC',
]);

/**
 * The long tasks (≥ `thresholdMs` of wall time) of the renderer's main thread in a trace written
 * by `browser.startTracing`. A task's thread time (`tdur`) says how much of it was the page's own
 * work: on a machine shared with a server under load, the rest is waiting for a core.
 */
export function tracedLongTasks(trace: { traceEvents: TraceEvent[] }, thresholdMs: number): TracedTask[] {
  const events = trace.traceEvents;
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= thresholdMs * 1000);
  return tasks
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const work = new Map<string, number>();
      // Outermost work only: a function call inside a timer would otherwise count twice.
      let coveredUntil = 0;
      const inside = onMain.filter(
        (e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end && WORK_KINDS.has(e.name),
      );
      for (const e of inside.sort((a, b) => a.ts - b.ts)) {
        if (e.ts < coveredUntil) continue;
        coveredUntil = e.ts + (e.dur ?? 0);
        const name = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
        work.set(name, (work.get(name) ?? 0) + (e.dur ?? 0) / 1000);
      }
      return {
        wallMs: round((task.dur ?? 0) / 1000),
        cpuMs: round((task.tdur ?? task.dur ?? 0) / 1000),
        work: [...work].map(([name, ms]) => ({ name, ms: round(ms) })).sort((a, b) => b.ms - a.ms),
      };
    })
    .sort((a, b) => b.wallMs - a.wallMs);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
