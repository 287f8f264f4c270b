import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEMO_ASSETS, E2E_ADMIN_KEY, signInLink } from './e2e-env';

/**
 * axe-core over each view of the dashboard, in the light and the dark palette: no `serious` or
 * `critical` violation (contrast, names, roles, …). Each scanned view is also kept as a full-page
 * screenshot in the test's output folder (`test-results/`), named for the view and the palette,
 * beside axe's findings of every impact (`<view>-axe.json`), the lesser ones included.
 */
async function scan(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${view}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  writeFileSync(testInfo.outputPath(`${view}-axe.json`), JSON.stringify(violations, null, 2));
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `${view}: serious or critical violations`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${colorScheme} palette`, () => {
    test.use({ colorScheme });

    test('the sign-in screen', async ({ page }, testInfo) => {
      await page.goto('/');
      await expect(page.getByTestId('sign-in')).toBeVisible();
      await scan(page, testInfo, `sign-in-${colorScheme}`);
    });

    test('the fleet page, and with an asset panel open', async ({ page }, testInfo) => {
      await page.goto(signInLink(E2E_ADMIN_KEY));
      await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
      await expect(page.getByTestId('fleet-map')).toHaveAttribute('data-state', /ready|unavailable/);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background, 'the palette of the system preference').toBe(colorScheme === 'dark' ? 'rgb(15, 20, 25)' : 'rgb(244, 246, 248)');
      await scan(page, testInfo, `fleet-${colorScheme}`);

      // A moving vehicle, whose track has a course to chart and replay.
      await page.locator('[data-asset-id="VLUR4X20009093588"]').getByTestId('asset-open').click();
      await expect(page.getByTestId('detail-title')).toBeFocused();
      await expect(page.getByTestId('track-summary')).toBeVisible();
      // The panel whole: the period picker, the chart and the replay are scanned too.
      await expect(page.getByTestId('track-profile').locator('canvas').first()).toBeVisible({ timeout: 10_000 });
      await expect(page.getByTestId('replay-slider')).toBeVisible();
      await scan(page, testInfo, `fleet-panel-${colorScheme}`);
    });

    test('the map with a searched area, offering to search what it shows', async ({ page }, testInfo) => {
      await page.goto(`/?map=59.19,17.63,10&bbox=17.2,59.1,18.1,59.3${signInLink(E2E_ADMIN_KEY).slice(1)}`);
      await expect(page.getByTestId('asset-row')).toHaveCount(3);
      await expect(page.getByRole('button', { name: 'Search this area' })).toBeVisible();
      await expect(page.getByRole('button', { name: /^Area/ })).toBeVisible();
      await scan(page, testInfo, `fleet-area-${colorScheme}`);
    });
  });
}

test.describe('keyboard', () => {
  test('reaches the filters, the count buttons and the rows by Tab, each with a visible focus ring', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    const reached = new Map<string, string>();
    for (let press = 0; press < 40 && !reached.has('asset-open'); press++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        if (!(element instanceof HTMLElement)) return null;
        const style = getComputedStyle(element);
        return { id: element.dataset['testid'] ?? element.tagName, ring: `${style.outlineStyle} ${style.outlineWidth}` };
      });
      if (focused) reached.set(focused.id, focused.ring);
    }
    for (const id of [
      'theme-toggle',
      'search',
      'customer-filter',
      'status-filter',
      'kind-filter',
      'count-filter-total',
      'count-filter-offline',
      'asset-open',
    ]) {
      expect(reached.get(id), `${id} reached by Tab, with a ring`).toMatch(/^solid [1-9]/);
    }
  });

  test('Enter opens an asset’s panel with focus in it; Escape closes it and returns to the row’s button', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    const open = page.getByTestId('asset-open').nth(2);
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('detail-title')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('asset-detail')).toHaveCount(0);
    await expect(open).toBeFocused();
  });
});
