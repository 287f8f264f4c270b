import type { PlaywrightTestConfig } from '@playwright/test';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright';
import { WORKSPACE } from '../ingest/server-build';

const E2E_CONFIG = join(WORKSPACE, 'e2e', 'playwright.config.ts');

/**
 * Composite on a GPU, emulated by SwiftShader (ANGLE's Vulkan software device), instead of
 * `--disable-gpu`'s software compositor. The software compositor reads every WebGL frame back to
 * the renderer's main thread (`GLES2::ReadPixels` inside `Commit`), so each frame the map draws
 * became a wait of 40–370 ms in the page's own tasks: a cost a dispatcher's computer, which
 * composites on its GPU, never pays (decision 038). The map is still drawn in software, on the
 * GPU process's threads, as before.
 */
const GPU_COMPOSITING = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

/**
 * Debian's Chromium, headless, launched as the end-to-end tests launch it (the options are read
 * from their Playwright config, so a flag changed there changes here too), except that it
 * composites on the emulated GPU: `GPU_COMPOSITING`.
 */
export async function launchBrowser(): Promise<{ browser: Browser; launchOptions: LaunchOptions }> {
  // Loaded at run time by path: bench/ imports no app, and this is that project's configuration, not its code.
  const config = (require(E2E_CONFIG) as { default: PlaywrightTestConfig }).default;
  const e2eOptions = config.use?.launchOptions;
  if (!e2eOptions?.executablePath) throw new Error(`${E2E_CONFIG} names no browser (use.launchOptions.executablePath)`);
  const launchOptions = { ...e2eOptions, args: [...(e2eOptions.args ?? []).filter((arg) => arg !== '--disable-gpu'), ...GPU_COMPOSITING] };
  return { browser: await chromium.launch(launchOptions), launchOptions };
}
