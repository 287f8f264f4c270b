import type { HeartbeatWriter } from '@beacon/event-store';
import { performance } from 'node:perf_hooks';
import type { FleetHeartbeats } from './fleet-heartbeats';

/** How often the pacer looks at the clock; each look sends what has fallen due since the last. */
const TICK_MS = 5;

export interface IngestResult {
  appended: number;
  /** From the first append until the last one committed. */
  seconds: number;
  /** appended / seconds: below the offered rate when the machine could not keep up. */
  rate: number;
}

/**
 * Offers heartbeats at a steady `rate` for `seconds`, one heartbeat per append as a request of the
 * single-heartbeat endpoint does, without waiting for earlier appends to commit (requests do not
 * wait for each other either). Paced by the clock, not by the timer: a tick that comes late sends
 * everything that has fallen due, so a busy event loop shows up as bursts, not as a lower rate.
 * Each heartbeat's timestamp is the moment it fell due, so each asset's times increase.
 */
export async function ingestAtSteadyRate(
  writer: HeartbeatWriter,
  heartbeats: FleetHeartbeats,
  rate: number,
  seconds: number,
): Promise<IngestResult> {
  const total = Math.round(rate * seconds);
  const startedMs = Date.now();
  const started = performance.now();
  let sent = 0;
  let outstanding = 0;
  // Collected, not thrown: a rejected append must not leave the others unobserved.
  const failures: Error[] = [];
  await new Promise<void>((resolve) => {
    const settled = (): void => {
      outstanding--;
      if (sent === total && outstanding === 0) resolve();
    };
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000));
      const receivedAt = new Date().toISOString();
      for (; sent < due; sent++) {
        const heartbeat = heartbeats.heartbeat(startedMs + Math.floor((sent * 1000) / rate), receivedAt);
        outstanding++;
        writer.append([heartbeat]).then(
          ({ stored }) => {
            if (stored[0] !== true)
              failures.push(new Error(`a fresh heartbeat was reported as a duplicate: ${heartbeat.data.assetId} ${heartbeat.dedupeKey}`));
            settled();
          },
          (error: unknown) => {
            failures.push(error instanceof Error ? error : new Error(String(error)));
            settled();
          },
        );
      }
      if (sent === total) clearInterval(timer);
    };
    const timer = setInterval(tick, TICK_MS);
  });
  if (failures.length > 0) throw failures[0];
  const elapsed = (performance.now() - started) / 1000;
  return { appended: total, seconds: elapsed, rate: total / elapsed };
}
