import { expect, test } from '@playwright/test';
import { E2E_ADMIN_KEY, signInLink } from './e2e-env';

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
    await expect(map).toHaveAttribute('data-feature-count', '7');
    const basemapResponse = await basemap;
    expect(basemapResponse.status()).toBe(200);
    // Sent as the build's pre-compressed copy: a quarter of its 756 KB.
    expect(await basemapResponse.headerValue('content-encoding')).toMatch(/^(br|gzip)$/);

    expect([...origins]).toEqual([new URL(baseURL ?? '').origin]);
    expect(violations).toEqual([]);
  });
});
