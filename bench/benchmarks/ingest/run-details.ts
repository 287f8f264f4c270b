import { median } from '../../lib/stats';
import type { LoadScenario } from './load-scenario';

/** Medians of the numbers each field holds over the measured runs, e.g. cores per process. */
function medianOf<T extends object>(runs: readonly T[]): Record<string, number> | undefined {
  const first = runs[0];
  if (!first) return undefined;
  return Object.fromEntries(
    Object.keys(first).map((key) => [key, median(runs.map((run) => Number((run as Record<string, unknown>)[key] ?? 0)))]),
  );
}

/**
 * What the report keeps beside the rates, per scenario (medians over the measured runs): cores used
 * by each process, the server's own metrics, and how long its projector needed to catch up.
 */
export function runDetails(scenarios: readonly Pick<LoadScenario, 'scenario' | 'details'>[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    scenarios.map(({ scenario, details }) => {
      const catchUp = details.projectionCatchUp;
      return [
        scenario.scenario,
        {
          cores: medianOf(details.cpu),
          ...(details.server.length > 0 ? { inServer: medianOf(details.server) } : {}),
          ...(catchUp.length > 0 ? { projectorCatchUpSeconds: Math.round(median(catchUp) * 10) / 10 } : {}),
        },
      ];
    }),
  );
}
