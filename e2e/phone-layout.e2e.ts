import { expect, test } from '@playwright/test';
import { DEMO_ASSETS, E2E_ADMIN_KEY, signInLink } from './e2e-env';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the fleet page never scrolls sideways, with or without the asset panel', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.getByTestId('asset-open').first().click();
    await expect(page.getByTestId('track-summary')).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The panel stacks below the table rather than beside it.
    const table = await page.locator('bcn-fleet-table').boundingBox();
    const panel = await page.getByTestId('asset-detail').boundingBox();
    expect(panel?.y ?? 0).toBeGreaterThan((table?.y ?? 0) + (table?.height ?? 0) - 1);
  });
});
