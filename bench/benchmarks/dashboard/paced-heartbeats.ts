import { performance } from 'node:perf_hooks';
import type { PlannedAsset } from '../query/fleet-plan';
import { heartbeatOf } from './fleet-seed';
import { postHeartbeats, type HeartbeatItem } from './heartbeat-batches';

/** Batches a second: 1,000 heartbeats/s go as 100 every 100 ms. */
const BATCHES_PER_SECOND = 10;

export interface PacedResult {
  sent: number;
  /** The most batches that were still unanswered at once: above 1 or 2, the server lagged. */
  mostInFlight: number;
}

/**
 * The fleet reporting in turn: each batch takes the next assets of the rotation, so over a run
 * every asset reports every (fleet ÷ rate) seconds, a little further along its heading each time.
 */
export class HeartbeatRotation {
  private next = 0;
  private lap = 1;

  constructor(private readonly assets: readonly PlannedAsset[]) {}

  batch(size: number, timestamp: string): HeartbeatItem[] {
    return Array.from({ length: size }, () => {
      const asset = this.assets[this.next] as PlannedAsset;
      const item = heartbeatOf(asset, timestamp, this.lap);
      if (++this.next === this.assets.length) [this.next, this.lap] = [0, this.lap + 1];
      return item;
    });
  }
}

/**
 * Posts `perSecond` heartbeats a second for `seconds` as `BATCHES_PER_SECOND` batches a second,
 * paced by the clock (a late tick sends every batch that has fallen due), without waiting for
 * earlier batches' answers, as independent devices and gateways would. Any refused batch fails the run.
 */
export async function postAtRate(
  target: { url: string; adminKey: string },
  rotation: HeartbeatRotation,
  perSecond: number,
  seconds: number,
): Promise<PacedResult> {
  const batches = BATCHES_PER_SECOND * seconds;
  const size = Math.max(1, Math.round(perSecond / BATCHES_PER_SECOND));
  const intervalMs = 1000 / BATCHES_PER_SECOND;
  const started = performance.now();
  const answers: Promise<void>[] = [];
  // Collected, not thrown at once: a rejection nobody awaits yet would end the process.
  const failures: unknown[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  while (answers.length < batches) {
    const due = Math.min(batches, Math.floor((performance.now() - started) / intervalMs) + 1);
    while (answers.length < due) {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const answered = postHeartbeats(target.url, target.adminKey, rotation.batch(size, new Date().toISOString()));
      answers.push(answered.catch((error: unknown) => void failures.push(error)).finally(() => inFlight--));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + due * intervalMs - performance.now())));
  }
  await Promise.all(answers);
  if (failures.length > 0) throw failures[0];
  return { sent: batches * size, mostInFlight };
}
