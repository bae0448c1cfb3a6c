// `npm run simulate` and `npm run report` over the same data (npm run build first): a simulated 2019 of Khánh
// Vĩnh district (400 dossiers, seed 7) imported into a fresh engine's database. The simulator ends with the
// report of the simulated year, so both commands must print the same report, figure for figure; the
// generator's own plan (early, late, …) is not what the official rules count and is never printed. Then the
// drill-down rows of the district through the API: its communes and its own dossiers, adding up to the
// district's figures.
import { chmodSync } from 'node:fs';
import {
  actorHeaders,
  runScript,
  scratchDirectory,
  startEngine,
  waitForSamples,
  type EngineProcess,
} from '@tthc/testing';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DISTRICT = '000.00.18.H56';
const ANALYST = actorHeaders({ id: 'analyst-an', role: 'analyst' });

/** The report part of an output: from its title to the end. */
const reportOf = (stdout: string) =>
  stdout.slice(stdout.indexOf('BÁO CÁO KẾT QUẢ CẢI CÁCH THỦ TỤC HÀNH CHÍNH'));

/** The value printed on a report line, e.g. "trước hạn / early ...... 1,234". */
function figure(report: string, label: string): number {
  const escaped = label.replace(/[/()]/g, (c) => `\\${c}`);
  const match = new RegExp(`${escaped} \\.+ +([\\d,]+)`).exec(report);
  if (match === null) throw new Error(`no line "${label}" in:\n${report}`);
  return Number(match[1].replace(/,/g, ''));
}

describe('npm run simulate and npm run report over the same data (built engine)', () => {
  let engine: EngineProcess;
  let dataDir: string;
  let simulated: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    dataDir = scratchDirectory('tthc-e2e-simulate-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
    simulated = await runScript(
      'dist/apps/engine/src/cli/simulate.js',
      ['--agency', DISTRICT, '--dossiers', '400', '--year', '2019', '--seed', '7'],
      { DATA_DIR: dataDir },
    );
  }, 600_000);
  afterAll(async () => {
    await engine?.stop();
  });

  it('prints the report of the simulated year, the same as npm run report prints for it', async () => {
    expect({ code: simulated.code, stderr: simulated.stderr.slice(-500) }).toMatchObject({ code: 0 });
    expect(simulated.stdout).toContain('400 imported, 0 already imported, 0 failed');
    const reported = await runScript(
      'dist/apps/engine/src/cli/report.js',
      ['--agency', DISTRICT, '--from', '2019-01-01', '--to', '2019-12-31'],
      { DATA_DIR: dataDir },
    );
    expect({ code: reported.code, stderr: reported.stderr.slice(-500) }).toMatchObject({ code: 0 });
    const fromSimulate = reportOf(simulated.stdout);
    const fromReport = reportOf(reported.stdout);
    // Early / on time / late and every other figure, as the report command prints them.
    for (const label of [
      'Tổng số hồ sơ phải giải quyết / To resolve',
      'Mới tiếp nhận / Newly received',
      'Đã giải quyết / Resolved',
      'trước hạn / early',
      'đúng hạn / on time',
      'quá hạn / late',
      'Từ chối giải quyết / Refused to resolve',
      'Rút hồ sơ / Withdrawn',
      'Đang giải quyết / In progress at the end',
    ]) {
      expect({ label, value: figure(fromSimulate, label) }).toEqual({
        label,
        value: figure(fromReport, label),
      });
    }
    expect(figure(fromReport, 'Đã giải quyết / Resolved')).toBeGreaterThan(300);
    // The whole report, line for line (the same events applied: nothing was written in between).
    expect(fromSimulate).toBe(fromReport);
    // The generator's plan is not printed as outcomes.
    expect(simulated.stdout).not.toMatch(/by outcome|not collected:/);
  });

  it('gives the district’s drill-down rows: its communes and its own dossiers, adding up to the district', async () => {
    const get = async (path: string): Promise<Json> => {
      const res = await fetch(`${engine.baseUrl}${path}`, { headers: ANALYST });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      return (await res.json()) as Json;
    };
    const period = 'from=2019-01-01&to=2019-12-31';
    const rows = await get(`/v1/analytics/ii06a?${period}&agency=${DISTRICT}&groupBy=sub-unit`);
    const district = await get(`/v1/analytics/ii06a?${period}&agency=${DISTRICT}`);
    // The district receives dossiers itself (district-level procedures): they have a row of their own, last.
    const own = (rows.rows as Json[]).at(-1)!;
    expect(own.key).toBe(DISTRICT);
    expect(own.label.vi).toContain('hồ sơ do chính đơn vị tiếp nhận');
    expect(own.figures.toResolve).toBeGreaterThan(0);
    const communes = (rows.rows as Json[]).slice(0, -1);
    expect(communes.length).toBeGreaterThanOrEqual(1); // the sample procedures' commune, Khánh Trung
    // Each commune's row is that commune's own report.
    const first = await get(`/v1/analytics/ii06a?${period}&agency=${communes[0].key}`);
    expect(communes[0].figures).toEqual(first.total);
    // Every column of the rows adds up to the district's figures, which are the total.
    expect(rows.total).toEqual(district.total);
    for (const key of Object.keys(district.total as Json)) {
      const sum = (rows.rows as Json[]).reduce((n, r) => n + (r.figures[key] as number), 0);
      expect({ key, sum }).toEqual({ key, sum: district.total[key] });
    }
    // Without an agency there is no unit to drill into.
    const refused = await fetch(`${engine.baseUrl}/v1/analytics/ii06a?${period}&groupBy=sub-unit`, {
      headers: ANALYST,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).type).toBe(
      'https://tthc-engine.dev/problems/invalid-report-grouping',
    );
  });
});
