import { expect, test } from '@playwright/test';
import { DEMO_AIRCRAFT, DEMO_ASSETS, DEMO_VEHICLES, E2E_ADMIN_KEY, signInLink } from './e2e-env';

const SILENT_VIN = 'YS2R4X20005399401'; // ABC123: the demo leaves it silent, last heard 15 min ago
const MOVING_VIN = 'VLUR4X20009093588'; // DEF456: the demo moves it

test.describe('fleet dashboard', () => {
  // The server's content security policy must not block any part of the dashboard.
  test('is styled and whole under the content security policy', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(signInLink(E2E_ADMIN_KEY));
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    // The global stylesheet applied: the page background is the dashboard's, not the browser's white.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(violations).toEqual([]);
  });

  // The dashboard's files are served beside the API without swallowing its answers.
  test('leaves the API its 405 and 400 answers where the dashboard is served', async ({ request }) => {
    expect((await request.get('/')).status()).toBe(200);
    expect((await request.get('/favicon.ico')).status()).toBe(200);
    const wrongMethod = await request.get('/api/v1/heartbeats');
    expect(wrongMethod.status()).toBe(405);
    expect(wrongMethod.headers()['allow']).toBe('POST');
    expect((await request.get(`/api/v1/ingest/osmand/${'0'.repeat(101)}`)).status()).toBe(400);
    // A path with no file and no route: the JSON 404 for a client that does not ask for HTML; the
    // dashboard for a browser opening it, whose router then shows the fleet (deep-links.e2e.ts).
    expect((await (await request.get('/no/such/page')).json()) as unknown).toMatchObject({ error: 'not_found' });
    const browsing = await request.get('/no/such/page', { headers: { accept: 'text/html' } });
    expect(browsing.status()).toBe(200);
    expect(await browsing.text()).toContain('<bcn-root');
    expect((await request.get('/api/v1/no-such-route', { headers: { accept: 'text/html' } })).status()).toBe(404);
  });

  test('shows the demo fleet with live counts: 5 of its 7 vehicles and its 3 aircraft online', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    await expect(page.getByTestId('count-online')).toContainText('8');
    await expect(page.getByTestId('count-offline')).toContainText('2');
    await expect(page.locator(`[data-asset-id="${SILENT_VIN}"]`)).toContainText('ABC123');
  });

  test('says how many of the matching assets are loaded, and sorts by a column on the server', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    await expect(page.getByTestId('fleet-shown')).toHaveText(`${DEMO_ASSETS} of ${DEMO_ASSETS}`);
    // The column shows a vehicle's registration; an aircraft has none, so it shows its callsign and
    // sorts last in either direction (docs/API.md "Search").
    const registrations = () => page.getByTestId('asset-open').allInnerTexts();
    const ascending = await registrations();
    const [vehicles, aircraft] = [ascending.slice(0, DEMO_VEHICLES), ascending.slice(DEMO_VEHICLES)];
    expect(vehicles).toEqual([...vehicles].sort((a, b) => a.localeCompare(b)));
    // Without a registration, ties go by id: 4ac837, 4ac973, 4ac9b9.
    expect(aircraft).toEqual(['SRF214', 'SRF377', 'SRF101']);

    await page.getByTestId('sort-registration').click();
    await expect(page).toHaveURL(/[?&]sort=registration(:|%3A)desc/);
    await expect(page.locator('[role="columnheader"]').first()).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(registrations).toEqual([...[...vehicles].reverse(), ...aircraft]);
  });

  test('filters by customer, status, text and kind, and by a click on a status count', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
    await page.getByTestId('customer-filter').selectOption('johans-bulk');
    await expect(page.getByTestId('asset-row')).toHaveCount(2);
    await expect(page.getByTestId('asset-row').first()).toContainText('Johans Bulk AB');
    await page.getByTestId('customer-filter').selectOption('');
    await page.getByTestId('status-filter').selectOption('offline');
    await expect(page.getByTestId('asset-row')).toHaveCount(2);
    await page.getByTestId('status-filter').selectOption('');
    await page.getByTestId('search').fill('stu9');
    await expect(page.getByTestId('asset-row')).toHaveCount(1);
    await expect(page.getByTestId('asset-row')).toContainText('STU901');
    await page.getByTestId('search').fill('');
    await page.getByTestId('kind-filter').selectOption('aircraft');
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_AIRCRAFT);
    await page.getByTestId('kind-filter').selectOption('vehicle');
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_VEHICLES);
    // A status count is the status filter too.
    await page.getByTestId('count-filter-offline').click();
    await expect(page.getByTestId('asset-row')).toHaveCount(2);
    await expect(page.getByTestId('status-filter')).toHaveValue('offline');
    await page.getByTestId('count-filter-total').click();
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_VEHICLES);
    await page.getByTestId('kind-filter').selectOption('');
    await expect(page.getByTestId('asset-row')).toHaveCount(DEMO_ASSETS);
  });

  test('shows the demo’s aircraft in the air, by callsign, with their altitude and speed', async ({ page }) => {
    await page.goto(`/?kind=aircraft${signInLink(E2E_ADMIN_KEY).slice(1)}`);
    const rows = page.getByTestId('asset-row');
    await expect(rows).toHaveCount(DEMO_AIRCRAFT);
    for (const row of await rows.all()) {
      await expect(row.getByTestId('asset-open')).toHaveText(/^\s*SRF\d+\s*$/);
      await expect(row).toContainText('Siris Flygfrakt AB');
      await expect(row.getByTestId('asset-status')).toContainText('online');
      // An airliner in the air: a thousand metres or more (the default unit), at hundreds of km/h.
      await expect(row.getByTestId('asset-altitude')).toHaveText(/^\s*\d{1,2},\d{3} m\s*$/);
      await expect(row.getByTestId('asset-speed')).toHaveText(/^\s*\d{3}(,\d{3})? km\/h\s*$/);
    }
  });

  test('sees a silent vehicle turn online within seconds of its heartbeat', async ({ page, request }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    const status = page.locator(`[data-asset-id="${SILENT_VIN}"] [data-testid="asset-status"]`);
    await expect(status).toContainText('offline');
    const response = await request.post(`/api/v1/assets/${SILENT_VIN}/heartbeats`, {
      headers: { authorization: `Bearer ${E2E_ADMIN_KEY}` },
      data: { lat: 59.1955, lon: 17.6253 },
    });
    expect(response.status()).toBe(202);
    // Latency is the live benchmark's to measure; here the change must arrive, before the next 10 s poll.
    await expect(status).toContainText('online', { timeout: 5_000 });
  });

  test('follows the live stream and opens a moving vehicle with its track', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    await expect(page.getByTestId('live')).toBeVisible();
    await page.locator(`[data-asset-id="${MOVING_VIN}"]`).getByTestId('asset-open').click();
    const detail = page.getByTestId('asset-detail');
    await expect(detail).toBeVisible();
    await expect(detail.getByTestId('detail-status')).toContainText('online');
    // The demo fleet reports every 3 s: its track has points and grows from the live stream.
    const count = async (): Promise<number> => Number((await detail.getByTestId('track-count').innerText()).replace(/\D/g, ''));
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(1);
    const before = await count();
    await expect.poll(count, { timeout: 8_000 }).toBeGreaterThan(before);
    // The track is drawn on the map, not in the panel.
    await expect.poll(async () => Number(await page.getByTestId('fleet-map').getAttribute('data-track-point-count'))).toBeGreaterThan(1);
  });
});
