import { expect, test, type Page } from '@playwright/test';
import { DEMO_ASSETS, E2E_ADMIN_KEY, signInLink } from './e2e-env';

const MOVING_VIN = 'VLUR4X20009093588'; // DEF456: the demo moves it, so it is online

/** The table shows the moving vehicle and no row that is not online. */
async function expectOnlineOnly(page: Page): Promise<void> {
  await expect(page.locator(`[data-asset-id="${MOVING_VIN}"]`)).toBeVisible();
  await expect(page.getByTestId('asset-status').filter({ hasNotText: 'online' })).toHaveCount(0);
}

test.describe('deep links', () => {
  // The server answers the dashboard's own addresses with the dashboard, and the dashboard opens the
  // view its address names; Back and Forward move between the views the page has shown.
  test('opens, reloads and steps back from a linked asset with a filter', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);

    const linked = `/assets/${MOVING_VIN}?status=online`;
    const response = await page.goto(linked);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const detail = page.getByTestId('asset-detail');
    await expect(detail.getByTestId('detail-title')).toHaveText('DEF456');
    await expect(page.getByTestId('status-filter')).toHaveValue('online');
    await expectOnlineOnly(page);

    // The build's files are found from a nested address too (the page's base is `/`).
    const basemap = page.waitForResponse((answer) => answer.url().endsWith('/countries-50m.json'));
    await page.reload();
    expect(new URL((await basemap).url()).pathname).toBe('/basemap/countries-50m.json');
    expect((await basemap).status()).toBe(200);
    await expect(page.getByTestId('fleet-map').locator('canvas')).toBeVisible();
    await expect(detail.getByTestId('detail-title')).toHaveText('DEF456');
    await expect(page.getByTestId('status-filter')).toHaveValue('online');
    await expectOnlineOnly(page);

    // Closing the panel and opening it again are steps in the history, within the page.
    await detail.getByTestId('detail-close').click();
    await expect(detail).toBeHidden();
    await expect(page).toHaveURL(/\/\?status=online$/);
    await page.locator(`[data-asset-id="${MOVING_VIN}"]`).getByTestId('asset-open').click();
    await expect(page).toHaveURL(new RegExp(`${linked.replace('?', '\\?')}$`));
    await expect(detail).toBeVisible();

    await page.goBack();
    await expect(detail).toBeHidden();
    await expect(page).toHaveURL(/\/\?status=online$/);
    await expect(page.getByTestId('status-filter')).toHaveValue('online');
    await page.goForward();
    await expect(detail.getByTestId('detail-title')).toHaveText('DEF456');
  });

  test('keeps a link opened while signed out through the sign-in screen', async ({ page }) => {
    await page.goto(`/assets/${MOVING_VIN}?status=online`);
    await expect(page.getByTestId('sign-in')).toBeVisible();
    await page.getByTestId('sign-in-key').fill(E2E_ADMIN_KEY);
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('asset-detail').getByTestId('detail-title')).toHaveText('DEF456');
    await expect(page.getByTestId('status-filter')).toHaveValue('online');
    expect(new URL(page.url()).pathname).toBe(`/assets/${MOVING_VIN}`);
  });
});
