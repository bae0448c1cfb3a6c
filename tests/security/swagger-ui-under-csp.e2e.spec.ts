// The security headers must not break the API documentation: Swagger UI at /docs renders its operations in
// Chromium under the Content-Security-Policy @fastify/helmet sends, with no CSP violation in the console.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeWithBrowser,
  launchBrowser,
  SCREENSHOT_DIR,
  startEngine,
  type EngineProcess,
  scratchDirectory,
} from '@tthc/testing';

describeWithBrowser('Swagger UI under the security headers (real browser)', () => {
  let engine: EngineProcess;

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-swagger-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOAD_SAMPLES: 'false', LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('renders the operations, the Authorize button included, without CSP violations', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await page.goto(`${engine.baseUrl}/docs`);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
      await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      expect(await page.locator('button.authorize').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'swagger-ui-under-csp.png') });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
