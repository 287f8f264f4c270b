import { expect, test } from '@playwright/test';
import { E2E_ADMIN_KEY, signInLink } from './e2e-env';

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('the header’s button steps system → light → dark, and the choice outlives a reload', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    const html = page.locator('html');
    const toggle = page.getByTestId('theme-toggle');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(html).toHaveAttribute('data-theme', 'system');
    expect(await background()).toBe('rgb(244, 246, 248)');

    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe('rgb(15, 20, 25)');

    // The key is kept for the tab, so the reload lands on the fleet page again, still dark.
    await page.reload();
    await expect(page.getByTestId('theme-toggle')).toHaveText('Theme: Dark');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.getByTestId('theme-toggle').click();
    await expect(html).toHaveAttribute('data-theme', 'system');
  });
});
