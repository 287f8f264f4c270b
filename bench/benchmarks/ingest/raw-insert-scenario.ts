import { recordHeartbeat } from '@beacon/domain';
import type { NewHeartbeat } from '@beacon/event-store';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ClientBase } from 'pg';
import { insertRaw } from '../../lib/raw-insert';
import type { Scenario } from '../../lib/repeat';
import type { AfterRun } from './after-run';
import { measureCpu } from './cpu';
import type { EventLog } from './event-log';
import type { BatchItem } from './heartbeat-bodies';
import type { RunDetails } from './load-scenario';

export interface RawInsertScenarioOptions {
  scenario: string;
  /** One connection per concurrent INSERT. */
  clients: readonly ClientBase[];
  /** The next batch's items, as a batch request would carry them. */
  nextItems: () => BatchItem[];
  eventLog: EventLog;
  warmUpSeconds: number;
  seconds: number;
  afterRun: AfterRun;
  cpuMeters: Record<string, () => number>;
}

/**
 * The rows the ingest stores for one batch request (record-heartbeats.handler.ts): the domain's
 * event data of each item, its timestamp as the dedupe key, and the request's metadata.
 */
export function rowsOfBatch(items: readonly BatchItem[]): NewHeartbeat[] {
  const receivedAt = new Date();
  const metadata = { correlationId: randomUUID(), receivedAt: receivedAt.toISOString(), source: 'json' };
  return items.map(({ assetId, ...heartbeat }) => {
    const { data } = recordHeartbeat(assetId, heartbeat, receivedAt);
    return { dedupeKey: `t:${data.timestamp}`, data, metadata };
  });
}

/**
 * The ingest's storage baseline: for as long as an HTTP run lasts, every connection sends one
 * multi-row INSERT of a batch's rows after the other (autocommit: each its own durable commit),
 * building the next batch's rows as it goes, as the server would from a request. The rate is the
 * rows committed ÷ the time until the last INSERT in flight at the deadline committed; afterwards
 * the table must hold exactly those rows.
 */
export function rawInsertScenario(options: RawInsertScenarioOptions): { scenario: Scenario; details: RunDetails } {
  const details: RunDetails = { p50: [], p99: [], cpu: [], server: [], projectionCatchUp: [] };
  let calls = 0;
  let before = '0';
  const insertFor = async (seconds: number): Promise<{ rows: number; seconds: number }> => {
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let rows = 0;
    await Promise.all(
      options.clients.map(async (client) => {
        while (performance.now() < deadline) {
          const batch = rowsOfBatch(options.nextItems());
          await insertRaw(client, batch);
          rows += batch.length;
        }
      }),
    );
    return { rows, seconds: (performance.now() - started) / 1000 };
  };
  const measure = async (): Promise<number> => {
    const warmUp = ++calls === 1;
    const { result, cores } = await measureCpu(options.cpuMeters, () => insertFor(warmUp ? options.warmUpSeconds : options.seconds));
    const count = await options.eventLog.settledCountAfter(before);
    if (count !== result.rows) throw new Error(`${options.scenario}: ${result.rows} rows inserted, but ${count} heartbeats were stored`);
    const cpu = Object.entries(cores)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ');
    options.afterRun.finished(
      `          stored ${count} on ${options.clients.length} connections in ${result.seconds.toFixed(1)} s; cores: ${cpu}`,
      warmUp ? null : details.projectionCatchUp,
    );
    if (!warmUp) details.cpu.push(cores);
    return result.rows / result.seconds;
  };
  const scenario: Scenario = {
    scenario: options.scenario,
    unit: 'heartbeats/s',
    baseline: options.scenario,
    prepare: async () => {
      await options.afterRun.settle();
      await options.eventLog.checkpoint();
      before = await options.eventLog.lastHeartbeatPosition();
    },
    measure,
  };
  return { scenario, details };
}
