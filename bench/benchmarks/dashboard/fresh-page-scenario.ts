import type { Browser } from 'playwright';
import type { Scenario } from '../../lib/repeat';
import type { Target } from '../../lib/types';
import { openFleetPage, type FleetPage } from './fleet-page';
import { msScenario } from './ms-scenario';

/** After the page opens, before the measured window: its first poll and the stream's replay are done. */
const SETTLE_MS = 2_000;

export interface FreshPageOptions {
  scenario: string;
  baseline: string;
  target?: Target;
  browser: Browser;
  url: string;
  adminKey: string;
  total: number;
}

/**
 * A scenario measured on a fleet page of its own each run: opened and settled untimed
 * (`prepare`), handed to `measure` with the run's number (1, the first, is the warm-up), and
 * closed afterwards whatever happened.
 */
export function freshPageScenario(options: FreshPageOptions, measure: (open: FleetPage, runNumber: number) => Promise<number>): Scenario {
  let page: FleetPage | null = null;
  let calls = 0;
  return {
    ...msScenario(options),
    prepare: async () => {
      page = await openFleetPage(options.browser, options.url, options.adminKey, options.total);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    },
    measure: async () => {
      const open = page;
      if (!open) throw new Error('the fleet page was not opened');
      try {
        return await measure(open, ++calls);
      } finally {
        page = null;
        await open.close();
      }
    },
  };
}
