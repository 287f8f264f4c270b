import type { Scenario } from '../../lib/repeat';
import { freshPageScenario, type FreshPageOptions } from './fresh-page-scenario';
import { LONG_TASK_THRESHOLD_MS } from './live-window';

/** A brisk flick of the wheel, as a dispatcher hunting for one plate: 400 px every 50 ms, about 200 rows a second. */
export const WHEEL = { stepPx: 400, everyMs: 50 } as const;

export interface ScrollWindowOptions extends FreshPageOptions {
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
  const scenario = freshPageScenario(options, async (open, runNumber) => {
    const warmUp = runNumber === 1;
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
  });
  return { scenario, details };
}
