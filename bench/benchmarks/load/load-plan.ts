import type { SimulatorPlan } from './simulator-process';

/** Issue 23's load: 10,000 heartbeats a second for 5 minutes, against `npm start`. */
const RATE_AT_SCALE_1 = 10_000;
const SECONDS_AT_SCALE_1 = 300;
const MIN_SECONDS = 30;
/**
 * Every vehicle reports every second: 10,000 vehicles rather than 50,000 at 5 s, since the simulator
 * registers its fleet through the API one asset at a time before it sends anything. A projected
 * batch still meets thousands of distinct assets, as it would at 5 s.
 */
const INTERVAL_SECONDS = 1;

export type LoadPlan = SimulatorPlan & { offeredPerSecond: number };

/** `BENCH_SCALE` multiplies the rate and the duration (30 s at least). */
export function loadPlan(scale: number): LoadPlan {
  const vehicles = Math.max(1, Math.round(RATE_AT_SCALE_1 * scale * INTERVAL_SECONDS));
  return {
    vehicles,
    intervalSeconds: INTERVAL_SECONDS,
    durationSeconds: Math.max(MIN_SECONDS, Math.round(SECONDS_AT_SCALE_1 * scale)),
    offeredPerSecond: vehicles / INTERVAL_SECONDS,
  };
}
