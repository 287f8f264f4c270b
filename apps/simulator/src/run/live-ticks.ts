import type { SimulatedFleet } from '@beacon/simulation';
import type { Tick } from './send-ticks';

/** A live run's ticks: the fleet's state every `intervalMs` from `start` for `durationMs`, computed when due. */
export function* liveTicks(fleet: SimulatedFleet, start: number, intervalMs: number, durationMs: number): Generator<Tick> {
  const count = Math.floor(durationMs / intervalMs);
  for (let index = 0; index <= count; index++) {
    const at = new Date(start + index * intervalMs);
    yield { at, heartbeats: fleet.tick(at, index === 0 ? 0 : intervalMs / 1000) };
  }
}
