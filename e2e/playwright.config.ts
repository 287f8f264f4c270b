import { defineConfig } from '@playwright/test';
import { E2E_ADMIN_KEY, E2E_PORT } from './e2e-env';

/**
 * End-to-end tests against the real built app: `dist/apps/server` serving `dist/apps/dashboard`,
 * an embedded PostgreSQL in a fresh data directory, and the demo fleet. Debian's Chromium is
 * used: this machine cannot download Playwright's browsers.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  // Each test's screenshot (and the accessibility test's named ones) is kept here; git ignores it.
  outputDir: 'test-results',
  timeout: 60_000,
  use: {
    screenshot: 'on',
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    extraHTTPHeaders: {},
  },
  webServer: {
    command: 'node e2e/start-beacon.mjs',
    cwd: '..',
    url: `http://127.0.0.1:${E2E_PORT}/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: { BEACON_ADMIN_KEY: E2E_ADMIN_KEY, BEACON_PORT: String(E2E_PORT) },
  },
});
