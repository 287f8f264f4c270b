import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { DEMO_ASSETS, E2E_ADMIN_KEY, signInLink } from './e2e-env';

const MOVING_VIN = 'VLUR4X20009093588'; // DEF456: the demo moves it, so its track grows

/** The map's canvas host carries the MapLibre map for these tests (dashboard README "Test hooks"). */
type MapHost = HTMLElement & { beaconMap: MapLibreMap };

/**
 * Where the asset's point is drawn, in the page: the map is zoomed in on it (past clustering) and
 * the point is looked up where WebGL drew it, as the demo moves it every few seconds.
 */
async function pointOnMap(page: Page, id: string): Promise<{ x: number; y: number }> {
  const { x, y } = await page.evaluate(async (assetId) => {
    const map = document.querySelector<MapHost>('[data-testid="fleet-map"] .canvas-host')?.beaconMap;
    if (!map) throw new Error('no map');
    const drawn = () => map.queryRenderedFeatures({ layers: ['asset-points'] }).find((f) => f.properties['id'] === assetId);
    const data = (await map.getSource<GeoJSONSource>('assets')?.getData()) as FeatureCollection<Point>;
    const feature = data.features.find((f) => f.properties?.['id'] === assetId);
    if (!feature) throw new Error(`${assetId} is not on the map`);
    map.jumpTo({ center: feature.geometry.coordinates as [number, number], zoom: 13 });
    await map.once('idle');
    const point = drawn();
    if (point?.geometry.type !== 'Point') throw new Error(`${assetId} is not drawn`);
    return map.project(point.geometry.coordinates as [number, number]);
  }, id);
  const box = await page.getByTestId('fleet-map').locator('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x + x, y: box.y + y };
}

/** Points in the map's track line, and whether the replay marker is on it. */
async function trackOnMap(page: Page): Promise<{ line: number; replay: number }> {
  return page.evaluate(async () => {
    const map = document.querySelector<MapHost>('[data-testid="fleet-map"] .canvas-host')?.beaconMap;
    const features = async (source: string) =>
      ((await map?.getSource<GeoJSONSource>(source)?.getData()) as FeatureCollection | undefined)?.features ?? [];
    const line = (await features('track')).find((f) => f.geometry.type === 'LineString')?.geometry as LineString | undefined;
    return { line: line?.coordinates.length ?? 0, replay: (await features('replay')).length };
  });
}

test.describe('asset track', () => {
  test('opens an asset from its point on the map, draws its track there, charts its speed and replays it', async ({ page }) => {
    await page.goto(signInLink(E2E_ADMIN_KEY));
    const map = page.getByTestId('fleet-map');
    await expect(map).toHaveAttribute('data-feature-count', String(DEMO_ASSETS));

    const detail = page.getByTestId('asset-detail');
    // The vehicle moves on every few seconds: if it moved between the look-up and the click, look again.
    await expect(async () => {
      const { x, y } = await pointOnMap(page, MOVING_VIN);
      await page.mouse.click(x, y);
      await expect(detail.getByTestId('detail-title')).toHaveText('DEF456', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });

    // The track is a line on the map, holding the points the panel counts (both grow with live points).
    const count = async () => Number((await detail.getByTestId('track-count').innerText()).replace(/\D/g, ''));
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(1);
    await expect.poll(async () => (await trackOnMap(page)).line >= 2 && (await trackOnMap(page)).line <= (await count())).toBe(true);
    expect(Number(await map.getAttribute('data-track-point-count'))).toBeGreaterThan(1);

    // Speed over time, drawn by uPlot; its legend is text on the page.
    const profile = detail.getByTestId('track-profile');
    await expect(profile.locator('canvas').first()).toBeVisible();
    await expect(profile).toHaveAttribute('aria-label', 'Speed (km/h) over time');
    await expect(profile.locator('.u-legend')).toContainText('Speed (km/h)');

    // The replay slider, by keyboard: Home goes to the track's start and moves the marker there.
    const time = detail.getByTestId('replay-time');
    const atRest = await time.innerText();
    expect((await trackOnMap(page)).replay).toBe(0);
    const slider = detail.getByRole('slider', { name: 'Replay time' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(time).not.toHaveText(atRest);
    await expect(detail.getByTestId('replay-speed-value')).toHaveText(/\d+ km\/h/);
    await expect.poll(async () => (await trackOnMap(page)).replay).toBe(1);

    // Closing the panel takes the track off the map.
    await detail.getByTestId('detail-close').click();
    await expect(map).not.toHaveAttribute('data-track-point-count', /./);
    await expect.poll(async () => trackOnMap(page)).toEqual({ line: 0, replay: 0 });
  });

  test('refuses a custom period whose start is after its end, and loads the last hour', async ({ page }) => {
    await page.goto(`/assets/${MOVING_VIN}${signInLink(E2E_ADMIN_KEY).slice(1)}`);
    const detail = page.getByTestId('asset-detail');
    await expect(detail.getByTestId('track-summary')).toBeVisible();

    await detail.getByLabel('Period').selectOption('custom');
    await detail.getByLabel('From', { exact: true }).fill('2026-11-25T12:00');
    await detail.getByLabel('To', { exact: true }).fill('2026-11-25T08:00');
    await detail.getByTestId('track-range-apply').click();
    await expect(detail.getByTestId('track-range-error')).toHaveText('The start must be before the end.');

    const lastHour = page.waitForRequest((request) => request.url().includes('/track?') && request.url().includes('from='));
    await detail.getByLabel('Period').selectOption('hour');
    const from = new URL((await lastHour).url()).searchParams.get('from');
    expect(Date.now() - Date.parse(from ?? '')).toBeLessThan(3_700_000);
    await expect(detail.getByTestId('track-summary')).toBeVisible();
  });
});
