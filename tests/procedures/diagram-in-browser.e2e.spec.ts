import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeWithBrowser,
  launchBrowser,
  SCREENSHOT_DIR,
  startEngine,
  waitForSamples,
  type EngineProcess,
  scratchDirectory,
} from '@tthc/testing';

describeWithBrowser('procedure diagram in a real browser', () => {
  let engine: EngineProcess;

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-browser-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('renders the marital status certificate state diagram as an SVG Chromium displays', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      // The browser's own favicon request is not ours to answer.
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await page.goto(`${engine.baseUrl}/v1/procedures/1.004873/versions/1/diagram.svg`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toContain('image/svg+xml');
      const svg = page.locator('svg').first();
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(200);
      const text = (await page.locator('svg').first().textContent()) ?? '';
      expect(text).toContain('Tiếp nhận');
      const file = join(SCREENSHOT_DIR, 'marital-status-certificate-diagram.png');
      await page.screenshot({ path: file });
      expect(statSync(file).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
