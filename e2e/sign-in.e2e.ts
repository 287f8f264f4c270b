import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ASSETS, E2E_ADMIN_KEY, signInLink } from './e2e-env';

const admin = { authorization: `Bearer ${E2E_ADMIN_KEY}` };

/** A viewer key limited to one demo customer, issued through the API as an operator would. */
async function issueViewerKey(request: APIRequestContext, customerId: string): Promise<{ id: string; key: string }> {
  const response = await request.post('/api/v1/api-keys', {
    headers: admin,
    data: { name: `${customerId} wall screen`, role: 'viewer', customerId },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; key: string };
}

async function signInWithForm(page: Page, key: string): Promise<void> {
  await page.getByTestId('sign-in-key').fill(key);
  await page.getByTestId('sign-in-submit').click();
}

test.describe('signing in', () => {
  test('asks for a key, refuses a wrong one, and signs in from the printed link without keeping the key in the address', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('sign-in')).toBeVisible();
    await signInWithForm(page, 'not-a-key-of-this-server');
    await expect(page.getByTestId('sign-in-notice')).toContainText('not accepted');

    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    expect(page.url()).not.toContain(E2E_ADMIN_KEY);
    await expect(page.getByTestId('session-role')).toHaveText('admin');
    await expect(page.getByTestId('session-scope')).toHaveText('all customers');
    await expect(page.getByTestId('live')).toBeVisible();
  });

  test('shows a viewer of one customer only its vehicles, with no customer to choose', async ({ page, request }) => {
    const viewer = await issueViewerKey(request, 'johans-bulk');
    await page.goto('/');
    await signInWithForm(page, viewer.key);
    await expect(page.getByTestId('asset-row')).toHaveCount(2);
    await expect(page.getByTestId('asset-row').first()).toContainText('Johans Bulk AB');
    await expect(page.getByTestId('customer-filter')).toHaveCount(0);
    await expect(page.getByTestId('session-scope')).toHaveText('Johans Bulk AB');
    await expect(page.getByTestId('live')).toBeVisible();
  });

  test('returns to sign-in, saying why, when the key is revoked; signing out forgets the key', async ({ page, request }) => {
    const viewer = await issueViewerKey(request, 'johans-bulk');
    await page.goto(signInLink(viewer.key));
    await expect(page.getByTestId('asset-row')).toHaveCount(2);
    expect((await request.delete(`/api/v1/api-keys/${viewer.id}`, { headers: admin })).status()).toBe(204);
    await expect(page.getByTestId('sign-in-notice')).toContainText('no longer accepted', { timeout: 15_000 });

    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-in')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('sign-in')).toBeVisible();
  });
});
