import { expect, test } from '@playwright/test';
import { DEMO_ASSETS, E2E_ADMIN_KEY, signInLink } from './e2e-env';

/** Södertälje at zoom 10: the town's roads fill the map, Stockholm's (from 59.29° N) are off its top edge. */
const SODERTALJE_MAP = '59.19,17.63,10';

test.describe('fleet map', () => {
  // The map must work where no tile server can be reached: its basemap, worker and style come from Beacon.
  test('shows the demo fleet on a basemap served by Beacon alone', async ({ page, baseURL }) => {
    const origins = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:') return;
      // A blob: URL is made in the page and carries the page's origin in its path.
      origins.add(url.protocol === 'blob:' ? new URL(url.pathname).origin : url.origin);
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const basemap = page.waitForResponse((response) => response.url().endsWith('/basemap/countries-50m.json'));

    await page.goto(signInLink(E2E_ADMIN_KEY));
    const map = page.getByTestId('fleet-map');
    await expect(map.locator('canvas')).toBeVisible();
    await expect(map).toHaveAttribute('data-feature-count', String(DEMO_ASSETS));
    const basemapResponse = await basemap;
    expect(basemapResponse.status()).toBe(200);
    // Sent as the build's pre-compressed copy: a quarter of its 756 KB.
    expect(await basemapResponse.headerValue('content-encoding')).toMatch(/^(br|gzip)$/);

    expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
    expect(violations).toEqual([]);
  });

  test('searches the area the map shows, keeps it and the map in the address, and clears it', async ({ page }) => {
    // A sign-in link may name a view: here, where the map looks.
    await page.goto(`/?map=${SODERTALJE_MAP}${signInLink(E2E_ADMIN_KEY).slice(1)}`);
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    const map = page.getByTestId('fleet-map');
    await expect(map).toHaveAttribute('data-state', 'ready');

    await page.getByRole('button', { name: 'Search this area' }).click();
    // Kalles Grustransporter's three vehicles drive and stand in Södertälje; the other four are in Stockholm and
    // Uppsala, and the demo's aircraft fly far from there (demo-traffic.unit.spec.ts).
    await expect(page.getByTestId('asset-row')).toHaveCount(3);
    await expect(page.getByTestId('asset-row').filter({ hasText: /Kalles/ })).toHaveCount(3);
    await expect(map).toHaveAttribute('data-feature-count', '3');
    await expect(page.getByRole('button', { name: 'Search this area' })).toBeHidden();
    await expect(page).toHaveURL(/[?&]bbox=17\.\d+,59\.1\d*,1[78]\.\d+,59\.2\d*(&|$)/);
    await expect(page).toHaveURL(new RegExp(`[?&]map=${SODERTALJE_MAP.replaceAll('.', '\\.')}(&|$)`));

    // The link reproduces the view.
    await page.reload();
    await expect(page.getByTestId('asset-row')).toHaveCount(3);

    // A zoom by the user offers the search again, and the address follows the map in place.
    const box = await map.boundingBox();
    if (!box) throw new Error('no map box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await expect(page.getByRole('button', { name: 'Search this area' })).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(`map=${SODERTALJE_MAP.replaceAll('.', '\\.')}`));

    await page.getByRole('button', { name: /^Area/ }).click();
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    await expect(page).not.toHaveURL(/bbox=/);
  });
});
