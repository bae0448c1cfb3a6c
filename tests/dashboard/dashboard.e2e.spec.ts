// The web dashboard (apps/dashboard) served by the built engine at `/`, driven in Debian's Chromium through
// playwright-core: a simulated 2019 of Khánh Vĩnh district (1,500 dossiers, seed 42) imported into a fresh
// engine; the overview's figures on screen against the analytics API's, the drill-down province → district →
// commune → procedure, trends and a CSV export, a procedure's state diagram, a citizen's lookup of a dossier
// submitted through the API, the language switch and the phone-width layout. Screenshots go to
// artifacts/screenshots/; any console error of the page fails the test it happened in.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  actorHeaders,
  describeWithBrowser,
  launchBrowser,
  SCREENSHOT_DIR,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestActor,
  scratchDirectory,
} from '@tthc/testing';
import sampleSubmission from '../dossiers/sample-submission.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SIMULATE = resolve(__dirname, '../../dist/apps/engine/src/cli/simulate.js');
const DISTRICT = '000.00.18.H56';
const PROVINCE = '000.00.00.H56';
const COMMUNE = '000.31.18.H56';
const YEAR = { from: '2019-01-01', to: '2019-12-31' };
const ANALYST: TestActor = { id: 'analyst-mai', role: 'analyst', area: 'H56' };
const PORTAL: TestActor = { id: 'dvc-portal', role: 'integration' };
const COUNTER: TestActor = { id: 'officer-hoa', role: 'receiving-officer', agency: COMMUNE };

/** The dashboard formats every figure for vi-VN with Intl; so does the test. */
const count = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n);
const decimal = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
const percent = (n: number) =>
  new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 2 }).format(n / 100);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function simulate(dataDir: string): Promise<{ code: number | null; stdout: string }> {
  const args = ['--agency', DISTRICT, '--dossiers', '1500', '--year', '2019', '--seed', '42'];
  return new Promise((done) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [SIMULATE, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    child.once('exit', (code) => done({ code, stdout }));
  });
}

describeWithBrowser('web dashboard in a real browser (simulated 2019)', () => {
  let engine: EngineProcess;
  let browser: Browser;
  let context: BrowserContext;
  let errors: string[];
  /** Console errors a step expects (the browser logs every 4xx answer of a fetch). */
  let expectedErrors: RegExp[] = [];

  const api = async (path: string, actor: TestActor | null = ANALYST): Promise<Json> => {
    const answer = await fetch(`${engine.baseUrl}${path}`, { headers: actor ? actorHeaders(actor) : {} });
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    return (await answer.json()) as Json;
  };

  /**
   * A browser context signed in as the actor, through the app's own seam: a bearer token goes in `?token=`
   * (the app keeps it in sessionStorage); any other caller headers are sent with every request instead.
   */
  async function signedIn(actor: TestActor | null, viewport = { width: 1400, height: 1000 }) {
    const ctx = await browser.newContext({ viewport, acceptDownloads: true });
    const headers = actor ? actorHeaders(actor) : {};
    const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    if (actor && bearer === undefined) await ctx.setExtraHTTPHeaders(headers);
    const open = async (path: string): Promise<Page> => {
      const page = await ctx.newPage();
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const text = `${m.text()} @ ${m.location().url}`;
        if (!expectedErrors.some((e) => e.test(text))) errors.push(text);
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const separator = path.includes('?') ? '&' : '?';
      await page.goto(`${engine.baseUrl}${path}${bearer ? `${separator}token=${bearer}` : ''}`);
      return page;
    };
    return { ctx, open };
  }

  const shot = async (page: Page, name: string) => {
    const file = join(SCREENSHOT_DIR, `dashboard-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(5_000);
  };

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-dashboard-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
    const simulated = await simulate(dataDir);
    expect(simulated.stdout).toContain('1,500 imported, 0 already imported, 0 failed');
    expect(simulated.code).toBe(0);
    // The simulator ends with the year's report (npm run report's, the read model caught up): the engine's
    // read model has caught up when the API gives the same figure to resolve and its watermark stands still.
    const toResolve = Number(/To resolve \.+ +([\d,]+)\n/.exec(simulated.stdout)?.[1]?.replace(/,/g, ''));
    expect(toResolve).toBeGreaterThan(1000);
    const everything = `/v1/analytics/ii06a?from=${YEAR.from}&to=${YEAR.to}&agency=${DISTRICT}`;
    let previous = -1;
    let caughtUp = false;
    for (let i = 0; i < 600 && !caughtUp; i++) {
      const report = await api(everything);
      const applied = report.computedFrom.eventsApplied as number;
      caughtUp = report.total.toResolve === toResolve && applied === previous;
      previous = applied;
      if (!caughtUp) await sleep(500);
    }
    expect(caughtUp).toBe(true);
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  beforeEach(() => {
    errors = [];
    expectedErrors = [];
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('serves the app at / and page paths, and keeps the API’s own 404s', async () => {
    for (const path of ['/', '/analytics/area', '/lookup']) {
      const answer = await fetch(`${engine.baseUrl}${path}`);
      expect({ path, status: answer.status, type: answer.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: 'text/html; charset=utf-8',
      });
    }
    for (const path of [
      '/v1/no-such-thing',
      '/docs/no-such-thing',
      '/health/nothing',
      '/assets/missing.js',
    ]) {
      const answer = await fetch(`${engine.baseUrl}${path}`);
      expect({ path, status: answer.status, type: answer.headers.get('content-type') }).toEqual({
        path,
        status: 404,
        type: 'application/problem+json; charset=utf-8',
      });
    }
    expect((await fetch(`${engine.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${engine.baseUrl}/docs/openapi.json`)).status).toBe(200);
  });

  it('shows the 2019 overview of the district with the analytics API’s figures and the reconciliation', async () => {
    const signed = await signedIn(ANALYST);
    context = signed.ctx;
    const query = `from=${YEAR.from}&to=${YEAR.to}&agency=${DISTRICT}`;
    const page = await signed.open(`/analytics?${query}`);
    await page.getByTestId('overview').waitFor();
    // The token left the address bar at once.
    expect(page.url()).not.toContain('token=');

    const ii06a = await api(`/v1/analytics/ii06a?${query}&groupBy=field`);
    const decision766 = await api(`/v1/analytics/decision-766?${query}`);
    const total = ii06a.total as Record<string, number>;
    expect(total.received).toBeGreaterThan(1000);
    const shown = async (figure: string) => page.locator(`[data-figure="${figure}"]`).textContent();
    for (const figure of [
      'received',
      'receivedOnline',
      'receivedOnlineFull',
      'receivedOnlinePartial',
      'receivedCounter',
      'receivedPost',
      'carriedOver',
      'toResolve',
      'resolved',
      'resolvedEarly',
      'resolvedOnTime',
      'resolvedLate',
      'lateWithApology',
      'refused',
      'withdrawn',
      'inProgress',
      'inProgressNotYetDue',
      'inProgressOverdue',
      'inProgressWaitingForCitizen',
    ]) {
      expect({ figure, shown: await shown(figure) }).toEqual({ figure, shown: count(total[figure]!) });
    }
    const indicator = (code: string) =>
      (decision766.indicators as Json[]).find((i) => i.code === code)?.value as number;
    expect(await shown('onlineRate')).toBe(percent(indicator('online-dossier-share')));
    expect(await shown('earlyOrOnTimeShare')).toBe(percent(indicator('resolved-early-or-on-time-share')));
    expect(await shown('satisfactionMean')).toBe(decimal(indicator('satisfaction-mean')));
    expect(await shown('satisfactionShare')).toBe(percent(indicator('satisfaction-share')));

    const reconciliation = (await page.getByTestId('reconciliation').textContent()) ?? '';
    const left = total.carriedOver! + total.received!;
    expect(left).toBe(total.resolved! + total.refused! + total.withdrawn! + total.inProgress!);
    expect(reconciliation).toContain(
      `${count(total.carriedOver!)} + ${count(total.received!)} = ${count(total.resolved!)} + ${count(total.refused!)} + ${count(total.withdrawn!)} + ${count(total.inProgress!)}`,
    );
    expect(reconciliation).toContain(`${count(left)} = ${count(left)} ✓`);
    expect(await page.getByTestId('stamp').textContent()).toContain(
      `${count(ii06a.computedFrom.eventsApplied as number)} sự kiện`,
    );
    // The rows by field are the API's, in its order.
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe((ii06a.rows as Json[]).length);
    await shot(page, 'overview-2019-khanh-vinh');

    // The table downloads as the API's CSV export, sent with the analyst's token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('csv-ii06a').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ii06a-${YEAR.from}-${YEAR.to}-${DISTRICT}.csv`);
    const csv = readFileSync(await download.path());
    const exported = await fetch(`${engine.baseUrl}/v1/analytics/ii06a?${query}&groupBy=field&format=csv`, {
      headers: actorHeaders(ANALYST),
    });
    // Byte for byte, the byte-order mark Excel needs included.
    expect(csv.equals(Buffer.from(await exported.arrayBuffer()))).toBe(true);
    expect(csv.toString('utf8')).toContain('Tổng cộng');
  });

  it('drills down from the province to the district, a commune and its procedures', async () => {
    const signed = await signedIn(ANALYST);
    context = signed.ctx;
    const page = await signed.open(`/analytics/area?from=${YEAR.from}&to=${YEAR.to}&agency=${PROVINCE}`);
    await page.getByTestId('drill-children').waitFor();
    await page.getByTestId(`drill-${DISTRICT}`).click();
    await page.getByTestId(`drill-${COMMUNE}`).waitFor();
    expect(page.url()).toContain(`agency=${DISTRICT}`);

    // The commune's row on the district page is the API's report for that commune.
    const commune = await api(`/v1/analytics/ii06a?from=${YEAR.from}&to=${YEAR.to}&agency=${COMMUNE}`);
    const row = page
      .getByTestId('drill-children')
      .locator('tr', { has: page.getByTestId(`drill-${COMMUNE}`) });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(1, 3)).toEqual([count(commune.total.carriedOver), count(commune.total.received)]);
    expect(cells[4]).toBe(count(commune.total.resolved));
    // The district's own dossiers (district-level procedures) have a row, and the rows add up to the
    // district's figures, shown as the table's total.
    const bySubUnit = await api(
      `/v1/analytics/ii06a?from=${YEAR.from}&to=${YEAR.to}&agency=${DISTRICT}&groupBy=sub-unit`,
    );
    const district = await api(`/v1/analytics/ii06a?from=${YEAR.from}&to=${YEAR.to}&agency=${DISTRICT}`);
    const own = (bySubUnit.rows as Json[]).find((r) => r.key === DISTRICT);
    expect(own?.figures.toResolve).toBeGreaterThan(0);
    for (const figure of ['carriedOver', 'received', 'resolved', 'inProgress', 'inProgressOverdue']) {
      const sum = (bySubUnit.rows as Json[]).reduce((n, r) => n + (r.figures[figure] as number), 0);
      expect({ figure, sum }).toEqual({ figure, sum: district.total[figure] });
    }
    const ownCells = await page
      .getByTestId('drill-children')
      .locator('tr', { has: page.getByTestId('drill-own') })
      .locator('td')
      .allTextContents();
    expect(ownCells.slice(1, 3)).toEqual([count(own!.figures.carriedOver), count(own!.figures.received)]);
    const totalCells = await page.getByTestId('drill-children').locator('tfoot td').allTextContents();
    expect(totalCells.slice(1, 3)).toEqual([
      count(district.total.carriedOver),
      count(district.total.received),
    ]);
    expect(await page.getByTestId('drill-children').locator('tbody tr').count()).toBe(
      (bySubUnit.rows as Json[]).length,
    );
    await shot(page, 'drilldown-district');
    // Each unit's row downloads that unit's report as the API's XLSX export.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`xlsx-ii06a-${COMMUNE}`).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`ii06a-${YEAR.from}-${YEAR.to}-${COMMUNE}.xlsx`);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    await page.getByTestId(`drill-${COMMUNE}`).click();
    await page.getByTestId('drill-procedures').waitFor();
    const byProcedure = await api(
      `/v1/analytics/ii06a?from=${YEAR.from}&to=${YEAR.to}&agency=${COMMUNE}&groupBy=procedure`,
    );
    const procedureRows = page.getByTestId('drill-procedures').locator('tbody tr');
    expect(await procedureRows.count()).toBe((byProcedure.rows as Json[]).length);
    const first = (byProcedure.rows as Json[])[0]!;
    expect(await procedureRows.first().locator('td').first().textContent()).toContain(first.key);
    expect(await procedureRows.first().locator('td').nth(2).textContent()).toBe(
      count(first.figures.received),
    );
    await shot(page, 'drilldown-commune');
  });

  it('charts the monthly trends and spells out the days-saved method', async () => {
    const signed = await signedIn(ANALYST);
    context = signed.ctx;
    const query = `from=${YEAR.from}&to=${YEAR.to}&agency=${DISTRICT}`;
    const page = await signed.open(`/analytics/trends?${query}`);
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
    const series = await api(`/v1/analytics/series?${query}&metric=ii06a&bucket=month`);
    const months = page.getByTestId('trends-table').locator('tbody tr');
    expect(await months.count()).toBe(12);
    expect(await months.nth(5).locator('td').nth(2).textContent()).toBe(
      count((series.periods as Json[])[5]!.figures.received),
    );
    await shot(page, 'trends-2019');

    await page.getByTestId('tab-tabSavings').click();
    await page.getByTestId('method').waitFor();
    const savings = await api(`/v1/analytics/time-savings?${query}&groupBy=procedure`);
    const method = (await page.getByTestId('method').textContent()) ?? '';
    for (const text of Object.values(savings.method as Record<string, string>))
      expect(method).toContain(text);
    expect(await page.getByTestId('parameters').textContent()).toContain('hoursPerWorkingDay8');
    expect(await page.locator('[data-figure="savings-tripsAvoided"]').textContent()).toBe(
      decimal(savings.total.tripsAvoided),
    );

    await page.getByTestId('tab-tabProcessing').click();
    await page.getByTestId('reform-table').waitFor();
    await page.getByTestId('reform-chart').locator('canvas').first().waitFor();
    const reform = await api(`/v1/analytics/reform-reduction?${query}`);
    expect(await page.getByTestId('reform-table').locator('tbody tr').count()).toBe(
      (reform.rows as Json[]).length,
    );
    await shot(page, 'processing-time');
  });

  it('opens a procedure and its state diagram from the catalogue', async () => {
    const signed = await signedIn(null);
    context = signed.ctx;
    const page = await signed.open('/agency/procedures');
    await page.getByTestId('procedure-1.004873').click();
    const diagram = page.getByTestId('diagram-1.004873-1');
    await diagram.waitFor();
    await page.waitForFunction(
      // The page's own <img>: loaded, with the SVG's intrinsic size.
      (img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 200;
      },
      await diagram.elementHandle(),
    );
    const box = await diagram.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(await page.locator('main').textContent()).toContain(
      'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân',
    );
    await shot(page, 'procedure-diagram');
  });

  it('lists an official’s worklists: due today, overdue, waiting for the citizen', async () => {
    const specialist: TestActor = { id: 'officer-tuan', role: 'specialist', agency: COMMUNE };
    const signed = await signedIn(specialist);
    context = signed.ctx;
    const page = await signed.open(`/agency/worklists?agency=${COMMUNE}&view=overdue`);
    for (const view of ['overdue', 'waiting-for-citizen', 'due-today']) {
      if (view !== 'overdue') await page.getByTestId(`worklist-view-${view}`).click();
      const listed = await api(`/v1/worklists?agency=${COMMUNE}&view=${view}&limit=100`, specialist);
      const items = listed.items as Json[];
      if (items.length === 0) {
        await page.getByTestId('empty').waitFor();
      } else {
        await page.getByTestId('worklist-table').waitFor();
        const rows = page.getByTestId('worklist-table').locator('tbody tr');
        expect({ view, rows: await rows.count() }).toEqual({ view, rows: items.length });
        expect(await rows.first().locator('td').first().textContent()).toBe(items[0]!.code);
      }
      if (view === 'overdue') await shot(page, 'worklist-overdue');
    }
  });

  it('lets a citizen look up a dossier with personal data masked, and says what to do when nothing matches', async () => {
    const submitted = await fetch(`${engine.baseUrl}/v1/dossiers`, {
      method: 'POST',
      headers: {
        ...actorHeaders(PORTAL),
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(sampleSubmission),
    });
    expect(submitted.status).toBe(201);
    const { dossierId } = (await submitted.json()) as Json;
    const received = await fetch(`${engine.baseUrl}/v1/dossiers/${dossierId}/actions/receive`, {
      method: 'POST',
      headers: { ...actorHeaders(COUNTER), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(received.status).toBe(200);
    const code = ((await received.json()) as Json).code as string;

    // A citizen has no token.
    const signed = await signedIn(null, { width: 390, height: 844 });
    context = signed.ctx;
    const page = await signed.open('/lookup');
    // The dossier view (which the lookup reads) has the code once the projection got there.
    let found: Json = {};
    for (let i = 0; i < 240 && found.code !== code; i++) {
      const answer = await fetch(`${engine.baseUrl}/v1/dossiers/${dossierId}`, {
        headers: actorHeaders(COUNTER),
      });
      if (answer.ok) found = (await answer.json()) as Json;
      if (found.code !== code) await sleep(250);
    }
    expect(found.code).toBe(code);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="verification"]').fill('0905 123 456');
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').waitFor();
    expect(await page.getByTestId('lookup-code').textContent()).toBe(code);
    expect(await page.getByTestId('lookup-status').textContent()).toBe(found.workflowStateName.vi);
    const appointment = new Intl.DateTimeFormat('vi-VN', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    }).format(new Date(found.appointmentAt as string));
    expect(await page.getByTestId('lookup-appointment').textContent()).toBe(appointment);
    expect(await page.getByTestId('lookup-timeline').locator('li').count()).toBe(2);
    const applicant = (await page.getByTestId('lookup-applicant').textContent()) ?? '';
    expect(applicant).toContain('Nguyễn T*** L**');
    const body = (await page.locator('body').textContent()) ?? '';
    for (const secret of ['056195000123', '0905 123 456', '0905123456', 'Nguyễn Thị Lan']) {
      expect(body).not.toContain(secret);
    }
    await shot(page, 'lookup-phone');

    // A wrong verification detail: the engine's problem detail, and what to do.
    expectedErrors = [/status of 404 .*\/v1\/lookup$/];
    const wrong = await fetch(`${engine.baseUrl}/v1/lookup?code=${code}&verification=0905000000`);
    const problem = (await wrong.json()) as Json;
    await page.locator('input[name="verification"]').fill('0905000000');
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error-detail').textContent()).toBe(problem.detail);
    expect(await page.getByTestId('error').textContent()).toContain('Kiểm tra mã đã nhập');
  });

  it('switches between Vietnamese and English and formats figures for vi-VN in both', async () => {
    const signed = await signedIn(ANALYST);
    context = signed.ctx;
    const page = await signed.open(`/analytics?from=${YEAR.from}&to=${YEAR.to}&agency=${DISTRICT}`);
    await page.getByTestId('overview').waitFor();
    expect(await page.getByTestId('nav-analytics').textContent()).toBe('Thống kê');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const received = await page.locator('[data-figure="received"]').textContent();

    await page.getByTestId('switch-language').click();
    await page.locator('.figure-label', { hasText: 'Received in the period' }).waitFor();
    expect(await page.getByTestId('nav-analytics').textContent()).toBe('Statistics');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('reconciliation').textContent()).toContain('holds');
    expect(await page.locator('[data-figure="received"]').textContent()).toBe(received);
    await shot(page, 'overview-english');

    // The choice survives a reload; switching back restores Vietnamese.
    await page.reload();
    await page.getByTestId('overview').waitFor();
    expect(await page.getByTestId('nav-analytics').textContent()).toBe('Statistics');
    await page.getByTestId('switch-language').click();
    expect(await page.getByTestId('nav-analytics').textContent()).toBe('Thống kê');
  });

  it('fits a phone: no sideways scrolling of the page, tables scroll inside their frame', async () => {
    const signed = await signedIn(ANALYST, { width: 390, height: 844 });
    context = signed.ctx;
    const page = await signed.open(`/analytics?from=${YEAR.from}&to=${YEAR.to}&agency=${DISTRICT}`);
    await page.getByTestId('overview').waitFor();
    // Evaluated in the page (the test's own type check has no DOM library).
    const widths = (await page.evaluate(
      '({ page: document.documentElement.scrollWidth, viewport: window.innerWidth })',
    )) as { page: number; viewport: number };
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const figures = await page
      .locator('.figure-group')
      .evaluateAll((groups) => groups.map((g) => g.getBoundingClientRect().width));
    for (const width of figures) expect(width).toBeLessThanOrEqual(390);
    await shot(page, 'overview-phone');
  });
});
