import type { FleetPlan } from './fleet-plan';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The UTC days the seeded history spans, one instant in each (ISO 8601): each needs its daily
 * heartbeats partition and its daily positions index before the rows arrive.
 */
export function historyDays(plan: FleetPlan, options: { count: number; stepMs: number }): string[] {
  const oldest = plan.assets.reduce((min, a) => Math.min(min, a.lastSeenMs), plan.atMs) - options.count * options.stepMs;
  const days: string[] = [];
  for (let day = oldest; day < plan.atMs + DAY_MS; day += DAY_MS) days.push(new Date(Math.min(day, plan.atMs)).toISOString());
  return days;
}
