import type { PlaywrightTestConfig } from '@playwright/test';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright';
import { WORKSPACE } from '../ingest/server-build';

const E2E_CONFIG = join(WORKSPACE, 'e2e', 'playwright.config.ts');

/**
 * Debian's Chromium, headless, launched exactly as the end-to-end tests launch it: the options are
 * read from their Playwright config, so a flag changed there changes here too.
 */
export async function launchBrowser(): Promise<{ browser: Browser; launchOptions: LaunchOptions }> {
  // Loaded at run time by path: bench/ imports no app, and this is that project's configuration, not its code.
  const config = (require(E2E_CONFIG) as { default: PlaywrightTestConfig }).default;
  const launchOptions = config.use?.launchOptions;
  if (!launchOptions?.executablePath) throw new Error(`${E2E_CONFIG} names no browser (use.launchOptions.executablePath)`);
  return { browser: await chromium.launch(launchOptions), launchOptions };
}
