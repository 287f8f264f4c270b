import type { Scenario } from '../../lib/repeat';
import type { Measurement, Target } from '../../lib/types';
import { measureCpu } from './cpu';
import type { AfterRun } from './after-run';
import type { EventLog } from './event-log';
import type { LoadResult } from './load';
import { scrapeTotals, serverSide, type LoopDelay, type ServerSide } from './server-metrics';

export interface LoadScenarioOptions {
  scenario: string;
  baseline: string;
  target?: Target;
  url: string;
  adminKey: string;
  connections: number;
  /** Heartbeats per request: the unit is requests/s for 1, heartbeats/s otherwise. */
  heartbeatsPerRequest: number;
  warmUpSeconds: number;
  seconds: number;
  /** One run of the load for so many seconds: autocannon's generators (batches) or wrk (single heartbeats). */
  load: (seconds: number) => Promise<LoadResult>;
  eventLog: EventLog;
  /** The real server: each run must have stored what it answered 2xx for. */
  stores: boolean;
  afterRun: AfterRun;
  cpuMeters: Record<string, () => number>;
  /** The real server's event-loop gauges while idle (see server-metrics.ts). */
  idleLoop: LoopDelay | null;
}

/** What a run records beside its rate; the warm-up's are dropped, as its rate is. */
export interface RunDetails {
  p50: number[];
  p99: number[];
  cpu: Record<string, number>[];
  /** The server's metrics over each run (real server only, when it exports them). */
  server: ServerSide[];
  /** Seconds the server's projector needed after each run to reach the end of the log. */
  projectionCatchUp: number[];
}

export interface LoadScenario {
  scenario: Scenario;
  details: RunDetails;
  /** A latency percentile of every measured run, as a row of the report. */
  latency(percentile: 'p50' | 'p99', baseline: string, target?: Target): Measurement;
}

/** One run of the load per call of `measure`; runs against the real server are checked against its log. */
export function loadScenario(options: LoadScenarioOptions): LoadScenario {
  const details: RunDetails = { p50: [], p99: [], cpu: [], server: [], projectionCatchUp: [] };
  const perRequest = options.heartbeatsPerRequest;
  let calls = 0;
  let before = '0';
  const measure = async (): Promise<number> => {
    const warmUp = ++calls === 1;
    const metricsBefore = options.stores ? await scrapeTotals(options.url) : null;
    const { result: load, cores } = await measureCpu(options.cpuMeters, () =>
      options.load(warmUp ? options.warmUpSeconds : options.seconds),
    );
    if (load.generatorCores !== undefined) cores['load generators'] = load.generatorCores;
    let stored = '';
    if (options.stores) {
      const count = await options.eventLog.settledCountAfter(before);
      const least = load.ok * perRequest;
      const most = (load.ok + load.inFlightAtStop) * perRequest;
      if (count < least || count > most) {
        throw new Error(`${options.scenario}: ${load.ok} requests answered 2xx (${least} heartbeats), but ${count} heartbeats were stored`);
      }
      stored = `, stored ${count}${count > least ? ` (${count - least} from requests in flight at the stop)` : ''}`;
    }
    const inServer = options.stores ? serverSide(metricsBefore, await scrapeTotals(options.url), load.seconds, options.idleLoop) : null;
    const cpu = Object.entries(cores)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ');
    const server = inServer
      ? `; in the server: ${inServer.requestMs} ms per request, ${inServer.rowsPerFlush} rows per flush of ${inServer.flushMs} ms, ` +
        `writer busy ${Math.round(inServer.writerBusy * 100)} %` +
        (inServer.loopLagP99Ms === undefined ? '' : `, event loop late by ${inServer.loopLagMeanMs} ms (p99 ${inServer.loopLagP99Ms} ms)`)
      : '';
    const line = `          ${load.ok} × 2xx, p50 ${load.p50} ms, p99 ${load.p99} ms${stored}${server}; ${load.generator}; cores: ${cpu}`;
    options.afterRun.finished(line, warmUp ? null : details.projectionCatchUp);
    if (!warmUp) {
      details.p50.push(load.p50);
      details.p99.push(load.p99);
      details.cpu.push(cores);
      if (inServer) details.server.push(inServer);
    }
    return load.requestsPerSecond * perRequest;
  };
  const scenario: Scenario = {
    scenario: options.scenario,
    unit: perRequest === 1 ? 'requests/s' : 'heartbeats/s',
    baseline: options.baseline,
    ...(options.target ? { target: options.target } : {}),
    prepare: async () => {
      await options.afterRun.settle();
      await options.eventLog.checkpoint();
      if (options.stores) before = await options.eventLog.lastHeartbeatPosition();
    },
    measure,
  };
  const latency = (percentile: 'p50' | 'p99', baseline: string, target?: Target): Measurement => ({
    scenario: `${options.scenario}, ${percentile}`,
    unit: 'ms',
    runs: details[percentile],
    baseline,
    ...(target ? { target } : {}),
  });
  return { scenario, details, latency };
}
