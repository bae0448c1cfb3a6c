// Headless Chromium for end-to-end tests: Debian's chromium package driven by playwright-core
// (Playwright's own browser download cannot work here). Without it the browser suites fail, never skip.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(__dirname, '../../../artifacts/screenshots');

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * `describe` for suites that need Chromium. Without it the suite fails with the reason (a skipped suite would
 * prove nothing): install Debian's `chromium` or set CHROMIUM_PATH.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (browserAvailable()) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('needs Chromium (Debian package chromium, or CHROMIUM_PATH)', () => {
      throw new Error(`Browser suite "${name}" cannot run: there is no Chromium at ${CHROMIUM_PATH}`);
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the background-networking switches Chromium keeps dialling hosts this network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
