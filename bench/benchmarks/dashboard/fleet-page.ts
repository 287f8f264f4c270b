import type { Browser, BrowserContext, Page } from 'playwright';
import { installProbe, type ProbeState } from './page-probe';

const OPEN_TIMEOUT_MS = 60_000;
/** How often Playwright looks at the probe while the page opens: rarely, so it hardly loads the page it measures. */
const POLL_MS = 250;

/** A signed-in fleet page in a browser context of its own, with the probe installed. */
export interface FleetPage {
  page: Page;
  probe(): Promise<ProbeState>;
  close(): Promise<void>;
}

/**
 * Opens the sign-in link (`/#key=…`, as `npm start` prints it) in a fresh context (no cache, no
 * kept key, as a first visit) and waits until the fleet's rows, its total and the map's assets
 * are shown.
 */
export async function openFleetPage(browser: Browser, url: string, adminKey: string, expectedTotal: number): Promise<FleetPage> {
  const context: BrowserContext = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, expectedTotal);
    await page.goto(`${url}/#key=${encodeURIComponent(adminKey)}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () =>
        window.bcnBench?.rowsAndTotalAt != null &&
        (window.bcnBench.mapFilledAt != null || document.querySelector('[data-testid="fleet-map"][data-state="unavailable"]') !== null),
      undefined,
      { timeout: OPEN_TIMEOUT_MS, polling: POLL_MS },
    );
    const probe = async (): Promise<ProbeState> => {
      const state = await page.evaluate(() => window.bcnBench);
      if (!state) throw new Error('the page probe is missing');
      return state;
    };
    if ((await probe()).mapFilledAt === null) throw new Error('the fleet map is unavailable in this browser (no WebGL?)');
    return { page, probe, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}
