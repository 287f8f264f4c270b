import type { Tick } from './send-ticks';
import type { SimulatedHeartbeat } from '@beacon/simulation';

/**
 * A recording's ticks `speed` times faster than recorded, each heartbeat dated when it is sent again:
 * Beacon refuses heartbeats from long ago only after its retention, but it stores a heartbeat with the
 * same asset and time once, so a replay with the recorded times would be all duplicates.
 */
export function* replayTicks(
  recorded: readonly { offsetMs: number; heartbeats: SimulatedHeartbeat[] }[],
  start: number,
  speed: number,
): Generator<Tick> {
  for (const { offsetMs, heartbeats } of recorded) {
    const at = new Date(start + offsetMs / speed);
    yield { at, heartbeats: heartbeats.map((heartbeat) => ({ ...heartbeat, timestamp: at.toISOString() })) };
  }
}
