import type { Browser } from 'playwright';
import type { Scenario } from '../../lib/repeat';
import type { Measurement, Target } from '../../lib/types';
import { msScenario } from './ms-scenario';
import { openFleetPage } from './fleet-page';

export interface FirstRenderOptions {
  browser: Browser;
  url: string;
  adminKey: string;
  /** The fleet's size: the status counts' total the page must show. */
  total: number;
  scenario: string;
  baseline: string;
  target?: Target;
  /** The row of the map's figure, and its baseline's. */
  mapScenario: string;
  mapBaseline: string;
}

export interface FirstRender {
  scenario: Scenario;
  /** When the map's source first held assets, each measured run. */
  map: Measurement;
  /** How many assets the map held then, each measured run. */
  mapFeatures: number[];
}

/**
 * A first visit: from the navigation's start (the page's time origin) until the first asset row
 * is in the page with the status counts' total at the fleet's size, the figure a user waits for.
 * The same run records when the map's source first held assets.
 */
export function firstRender(options: FirstRenderOptions): FirstRender {
  const mapRuns: number[] = [];
  const mapFeatures: number[] = [];
  let calls = 0;
  const scenario: Scenario = {
    ...msScenario(options),
    measure: async () => {
      const warmUp = ++calls === 1;
      const page = await openFleetPage(options.browser, options.url, options.adminKey, options.total);
      const probe = await page.probe();
      await page.close();
      const rendered = probe.rowsAndTotalAt ?? Number.NaN;
      if (!warmUp) {
        mapRuns.push(probe.mapFilledAt ?? Number.NaN);
        mapFeatures.push(probe.mapFeatures ?? 0);
      }
      return rendered;
    },
  };
  return {
    scenario,
    map: { scenario: options.mapScenario, unit: 'ms', runs: mapRuns, baseline: options.mapBaseline },
    mapFeatures,
  };
}
