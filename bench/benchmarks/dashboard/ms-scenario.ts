import type { Scenario } from '../../lib/repeat';
import type { Target } from '../../lib/types';

/** What names a scenario of this benchmark: every figure is a time in ms, lower is better. */
export function msScenario(options: {
  scenario: string;
  baseline: string;
  target?: Target;
}): Pick<Scenario, 'scenario' | 'unit' | 'baseline' | 'target'> {
  return { scenario: options.scenario, unit: 'ms', baseline: options.baseline, ...(options.target ? { target: options.target } : {}) };
}
