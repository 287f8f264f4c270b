import type { Browser } from 'playwright';
import type { Scenario } from '../../lib/repeat';
import type { Target } from '../../lib/types';
import { openFleetPage, type FleetPage } from './fleet-page';
import { LONG_TASK_THRESHOLD_MS } from './live-window';
import { msScenario } from './ms-scenario';

/** A brisk flick of the wheel, as a dispatcher hunting for one plate: 400 px every 50 ms, about 200 rows a second. */
export const WHEEL = { stepPx: 400, everyMs: 50 } as const;
/** After the page opens, before the window: its first poll and the stream's replay are done. */
const SETTLE_MS = 2_000;

export interface ScrollWindowOptions {
  scenario: string;
  baseline: string;
  target?: Target;
  browser: Browser;
  url: string;
  adminKey: string;
  total: number;
  seconds: number;
  log(line: string): void;
}

/** What each measured run saw beside its longest task. */
export interface ScrollWindowDetails {
  longTasks: number[];
  /** Rows the table had loaded at the end (`fleet-shown`): how far down the fleet the wheel got, 200 rows a page. */
  rowsLoaded: number[];
}

/**
 * The fleet table scrolled down with the mouse wheel for `seconds`, loading the next page of rows
 * by cursor as it nears the end of those it has (issue 22: a virtual table that scrolls smoothly,
 * no silent cap); the value is the longest task the page ran meanwhile.
 */
export function scrollWindow(options: ScrollWindowOptions): { scenario: Scenario; details: ScrollWindowDetails } {
  const details: ScrollWindowDetails = { longTasks: [], rowsLoaded: [] };
  let page: FleetPage | null = null;
  let calls = 0;
  const scenario: Scenario = {
    ...msScenario(options),
    prepare: async () => {
      page = await openFleetPage(options.browser, options.url, options.adminKey, options.total);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    },
    measure: async () => {
      const open = page;
      if (!open) throw new Error('the fleet page was not opened');
      try {
        const warmUp = ++calls === 1;
        const pageStart = await open.page.evaluate(() => performance.now());
        // The wheel turns over the table's rows, where a dispatcher's pointer would be.
        const box = await open.page.locator('[data-testid="asset-row"]').first().boundingBox();
        if (!box) throw new Error('the fleet table shows no row to scroll');
        await open.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const endAt = Date.now() + options.seconds * 1000;
        while (Date.now() < endAt) {
          await open.page.mouse.wheel(0, WHEEL.stepPx);
          await new Promise((resolve) => setTimeout(resolve, WHEEL.everyMs));
        }
        const after = await open.probe();
        const tasks = after.longTasks.filter((task) => task.start >= pageStart).map((task) => task.duration);
        const shown = (await open.page.getByTestId('fleet-shown').textContent()) ?? '';
        const rowsLoaded = Number(shown.split(' of ')[0]?.replace(/\D/g, ''));
        options.log(`          ${tasks.length} long tasks; ${shown} rows loaded`);
        if (!(rowsLoaded > 0)) throw new Error(`${options.scenario}: the table says "${shown}" rows loaded`);
        if (!warmUp) {
          details.longTasks.push(tasks.length);
          details.rowsLoaded.push(rowsLoaded);
        }
        return Math.max(LONG_TASK_THRESHOLD_MS, ...tasks);
      } finally {
        page = null;
        await open.close();
      }
    },
  };
  return { scenario, details };
}
