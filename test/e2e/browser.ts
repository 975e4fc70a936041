// A real browser for the end-to-end tests: Debian's Chromium driven by playwright-core, against
// the built site served on localhost. Chromium is never downloaded by a test tool; CI installs
// the Debian package (see .ci/run).

import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from '../../src/build/build.js';
import { defaultBuildOptions } from '../../src/config.js';
import { startServer } from '../../src/cli/serve.js';
import { archiveDir, root, tempDir } from '../helpers/fixtures.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotsDir = path.join(root, 'test-results', 'screenshots');

export interface Site {
  origin: string;
  browser: Browser;
  page(width?: number, options?: { colorScheme?: 'light' | 'dark'; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts headless Chromium (Debian's, or CHROMIUM_PATH). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox as root; no background networking, which this machine's closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Builds the archive in issues/ (or `input`) with its search index, serves it, and starts Chromium. */
export async function openSite(input = archiveDir): Promise<Site> {
  const temp = await tempDir('kl-e2e-');
  const out = path.join(temp.dir, 'site');
  await build({ ...defaultBuildOptions, input, out });
  const server: Server = await startServer(out, 0);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  fs.mkdirSync(screenshotsDir, { recursive: true });
  return {
    origin,
    browser,
    async page(width = 1280, options = {}) {
      const context = await browser.newContext({ viewport: { width, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? 'light', locale: 'de-DE' });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await temp.cleanup();
    },
  };
}
