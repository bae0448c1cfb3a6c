// Historical import through the built engine (npm run build first): 10,000 past marital status certificates
// (1.004873 at 000.31.18.H56, 2025–2026) imported by the CLI into the running engine's database, a second run
// that imports nothing twice, three broken lines reported by number and writing nothing, the imported
// dossiers read back, and POST /v1/imports (admins only).
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  startEngine,
  waitForSamples,
  type EngineProcess,
  actorHeaders,
  scratchDirectory,
} from '@tthc/testing';
import { importedDossierId } from '../../libs/dossiers/src/application/import-dossiers/dossier-importer';
import { AGENCY, application, submission, type Json } from './marital-status-fixtures';

const CLI = resolve(__dirname, '../../dist/apps/engine/src/cli/import-dossiers.js');
const COUNTER = { id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY };
const SPECIALIST = { id: 'officer-tuan', role: 'specialist', agency: AGENCY };
const LEADER = { id: 'chair-son', role: 'leader', agency: AGENCY };
/** Reads every dossier and the audit trail. */
const AUDITOR = actorHeaders({ id: 'admin-audit', role: 'system-admin' });

/** Weekdays of 2025–2026 away from Tết, 30/4–1/5 and 2/9 (the calendar ships those two years). */
function workingDays(): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2025, 2, 3); t < Date.UTC(2026, 11, 20); t += 86_400_000) {
    const d = new Date(t);
    const [month, date, weekday] = [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCDay()];
    if (weekday === 0 || weekday === 5 || weekday === 6) continue; // Fridays too: the result goes out next day
    if (month === 1 || month === 2) continue;
    if ((month === 4 && date >= 6) || (month === 5 && date <= 5) || (month === 8 && date >= 28)) continue;
    if (month === 9 && date <= 5) continue;
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

const at = (day: string, time: string) => `${day}T${time}:00+07:00`;
const nextDay = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);

function pastDossier(externalId: string, day: string, overrides: Json = {}): Json {
  const { procedureCode, channel, onlineLevel, applicant, attachments } = submission();
  return {
    externalId,
    procedureCode,
    channel,
    onlineLevel,
    applicant,
    formData: structuredClone(application),
    attachments,
    submittedAt: at(day, '07:45'),
    steps: [
      { action: 'receive', at: at(day, '08:10'), actor: COUNTER },
      { action: 'transfer', at: at(day, '08:30'), actor: COUNTER },
      { action: 'hand-over', event: 'SUBMIT_FOR_SIGNATURE', at: at(day, '10:00'), actor: SPECIALIST },
      { action: 'approve', at: at(day, '14:00'), actor: LEADER },
      { action: 'issue-result', electronic: true, at: at(day, '15:00'), actor: SPECIALIST },
      { action: 'return-result', method: 'online', at: at(nextDay(day), '09:00'), actor: COUNTER },
    ],
    ...overrides,
  };
}

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((done) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, [CLI, ...args], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('historical import (built engine, samples loaded)', () => {
  let engine: EngineProcess;
  let dataDir: string;
  let file: string;
  const days = workingDays();
  const TOTAL = 10_000;
  // Lines 5, 5,002 and 10,003 are broken; the others are dossiers legacy-0 … legacy-9999.
  const BROKEN = { unknownProcedure: 5, wrongState: 5_002, invalidForm: 10_003 };

  async function call(
    method: string,
    path: string,
    options: { body?: string; type?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.type !== undefined) headers['content-type'] = options.type;
    const res = await fetch(`${engine.baseUrl}${path}`, { method, headers, body: options.body });
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
  }

  async function eventually<T>(
    read: () => Promise<T>,
    holds: (value: T) => boolean,
    tries = 600,
  ): Promise<T> {
    let last: T | undefined;
    for (let i = 0; i < tries; i++) {
      last = await read();
      if (holds(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`condition never held; last value: ${JSON.stringify(last)}`);
  }

  beforeAll(async () => {
    dataDir = scratchDirectory('tthc-e2e-import-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);

    const lines: string[] = [];
    let n = 0;
    for (let line = 1; lines.length < TOTAL + 3; line++) {
      const day = days[line % days.length];
      if (line === BROKEN.unknownProcedure) {
        lines.push(JSON.stringify(pastDossier('broken-procedure', day, { procedureCode: '9.999999' })));
      } else if (line === BROKEN.wrongState) {
        const record = pastDossier('broken-state', day);
        (record.steps as Json[]).splice(1, 2); // approve right after the receipt
        lines.push(JSON.stringify(record));
      } else if (line === BROKEN.invalidForm) {
        const record = pastDossier('broken-form', day);
        delete record.formData.maritalStatus;
        lines.push(JSON.stringify(record));
      } else lines.push(JSON.stringify(pastDossier(`legacy-${n++}`, day)));
    }
    file = join(dataDir, 'legacy.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('prints its usage with --help', async () => {
    const run = await runCli(['--help'], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run import -- <file.ndjson>');
    expect(run.stdout).toContain('"externalId"');
  });

  it('imports 10,000 past dossiers, reporting the 3 broken lines by number', async () => {
    const started = Date.now();
    const run = await runCli([file, '--batch', '250'], { DATA_DIR: dataDir });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`import of ${TOTAL + 3} lines: ${seconds.toFixed(1)} s\n${run.stdout}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /10,003 lines in [\d.]+ s \([\d,]+ lines\/s\): 10,000 imported, 0 already imported, 3 failed/,
    );
    expect(run.stderr).toMatch(
      /[\d,]+ \/ 10,003 lines, [\d,]+ imported, 0 already imported, \d failed, [\d,]+ lines\/s/,
    );
    expect(run.stdout).toMatch(
      /line 5 \(broken-procedure\): submission: .*9\.999999.*\[procedure-not-found\]/,
    );
    expect(run.stdout).toMatch(
      /line 5002 \(broken-state\): step 2 \(approve\): .*\[dossier-action-not-allowed\]/,
    );
    expect(run.stdout).toMatch(
      /line 10003 \(broken-form\): submission: .*maritalStatus.*\[invalid-application\]/,
    );
  });

  it('imports nothing twice: a second run reports them as already imported', async () => {
    const run = await runCli([file], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/0 imported, 10,000 already imported, 3 failed/);
  });

  it('shows the imported dossiers with their past timeline, their events marked imported', async () => {
    for (const externalId of ['legacy-0', `legacy-${TOTAL - 1}`]) {
      const id = importedDossierId(externalId);
      // The timeline read model projects 70,000 imported events first: allow it up to 150 s on a slow machine.
      const dossier = await eventually(
        () => call('GET', `/v1/dossiers/${id}`, { headers: AUDITOR }),
        (r) => r.status === 200 && (r.body.timeline as unknown[]).length === 7,
        1_500,
      );
      expect(dossier.body).toMatchObject({
        id,
        procedureCode: '1.004873',
        agencyCode: AGENCY,
        status: 'closed',
        outcome: 'returned',
        code: expect.stringMatching(/^000\.31\.18\.H56-2[56]\d{4}-\d{4}$/),
      });
      const receivedYear = new Date(dossier.body.receivedAt as string).getUTCFullYear();
      expect([2025, 2026]).toContain(receivedYear);
      const audit = await eventually(
        () => call('GET', `/v1/audit?streamId=dossier-${id}`, { headers: AUDITOR }),
        (r) => r.status === 200 && (r.body.items as unknown[]).length === 7,
      );
      for (const item of audit.body.items as Json[]) {
        expect(item).toMatchObject({ imported: true, commandId: `import:${externalId}` });
      }
    }
  });

  it('writes nothing of a broken line', async () => {
    for (const externalId of ['broken-procedure', 'broken-state', 'broken-form']) {
      const audit = await call('GET', `/v1/audit?streamId=dossier-${importedDossierId(externalId)}`, {
        headers: AUDITOR,
      });
      expect(audit.body.items).toEqual([]);
      const dossier = await call('GET', `/v1/dossiers/${importedDossierId(externalId)}`, {
        headers: AUDITOR,
      });
      expect(dossier.status).toBe(404);
    }
  });

  describe('POST /v1/imports', () => {
    const ADMIN = actorHeaders({ id: 'admin-mai', role: 'agency-admin', agency: AGENCY });
    const body = [
      pastDossier('api-1', '2025-10-07'),
      pastDossier('api-2', '2026-03-10', { code: '000.31.18.H56-260310-0777' }),
      { ...pastDossier('api-3', '2025-10-08'), channel: 'pigeon' },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n');

    it('imports NDJSON for an admin, keeps a valid legacy code, reports the bad line', async () => {
      const first = await call('POST', '/v1/imports', { body, type: 'application/x-ndjson', headers: ADMIN });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        imported: 2,
        alreadyImported: 0,
        failed: 1,
        errors: [{ line: 3, externalId: 'api-3', message: expect.stringContaining('channel') }],
      });
      const again = await call('POST', '/v1/imports', { body, type: 'application/x-ndjson', headers: ADMIN });
      expect(again.body).toMatchObject({ imported: 0, alreadyImported: 2, failed: 1 });
      const kept = await eventually(
        () => call('GET', `/v1/dossiers/${importedDossierId('api-2')}`, { headers: AUDITOR }),
        (r) => r.status === 200,
      );
      expect(kept.body.code).toBe('000.31.18.H56-260310-0777');
    });

    it('keeps an irregular history as it happened: counted late, overdue while it waits, listed as an irregularity', async () => {
      // A supplement asked two days after the one-day deadline, and still awaited; another asked after the
      // deadline, supplied and resolved; and a dossier of 2022, a year the engine had no calendar for.
      const asked = (day: string) => ({
        action: 'request-supplement',
        reason: 'Thiếu giấy tờ',
        missingDocuments: [{ name: 'Giấy xác nhận cư trú' }],
        at: at(day, '09:00'),
        actor: SPECIALIST,
      });
      const waiting = pastDossier('late-ask-waiting', '2026-11-03');
      (waiting.steps as Json[]).splice(2, 4, asked('2026-11-05'));
      const resolved = pastDossier('late-ask-resolved', '2026-11-10');
      (resolved.steps as Json[]).splice(2, 0, asked('2026-11-12'), {
        action: 'provide-supplement',
        channel: 'post',
        at: at('2026-11-13', '09:00'),
        actor: { id: 'citizen-lan', role: 'citizen' },
      });
      for (const step of (resolved.steps as Json[]).slice(4)) {
        step.at = (step.at as string).replace('2026-11-10', '2026-11-13').replace('2026-11-11', '2026-11-14');
      }
      const of2022 = pastDossier('year-2022', '2022-06-07');
      const irregular = [waiting, resolved, of2022].map((record) => JSON.stringify(record)).join('\n');
      const imported = await call('POST', '/v1/imports', {
        body: irregular,
        type: 'application/x-ndjson',
        headers: ADMIN,
      });
      expect(imported.body).toMatchObject({ imported: 3, failed: 0 });

      const read = (id: string) => call('GET', `/v1/dossiers/${importedDossierId(id)}`, { headers: AUDITOR });
      const late = await eventually(
        () => read('late-ask-resolved'),
        (r) => r.status === 200,
      );
      expect(late.body).toMatchObject({ status: 'closed', timeliness: 'late' });
      const open = await eventually(
        () => read('late-ask-waiting'),
        (r) => r.status === 200,
      );
      expect(open.body.clock).toMatchObject({ clock: 'paused', overdue: true });
      expect(
        (
          await eventually(
            () => read('year-2022'),
            (r) => r.status === 200,
          )
        ).body,
      ).toMatchObject({
        status: 'closed',
      });

      // The overdue worklist shows the dossier that waits after its deadline.
      const officer = actorHeaders({ id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY });
      const overdue = await eventually(
        () => call('GET', `/v1/worklists?agency=${AGENCY}&view=overdue&limit=100`, { headers: officer }),
        (r) =>
          ((r.body.items ?? []) as Json[]).some((item) => item.id === importedDossierId('late-ask-waiting')),
      );
      expect(overdue.status).toBe(200);

      // Listed per rule, in JSON and CSV.
      const listed = await eventually(
        () =>
          call('GET', `/v1/analytics/irregularities?from=2026-11-01&to=2026-11-30&agency=${AGENCY}`, {
            headers: AUDITOR,
          }),
        (r) => (r.body.byRule as Json | undefined)?.['supplement-after-deadline'] === 2,
      );
      expect(listed.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            dossierId: importedDossierId('late-ask-waiting'),
            rule: 'supplement-after-deadline',
            limitAt: '2026-11-04T00:45:00.000Z',
          }),
          expect.objectContaining({
            dossierId: importedDossierId('late-ask-resolved'),
            rule: 'late-without-apology',
          }),
        ]),
      );
      const csv = await fetch(
        `${engine.baseUrl}/v1/analytics/irregularities?from=2026-11-01&to=2026-11-30&format=csv`,
        { headers: AUDITOR },
      );
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(await csv.text()).toContain('supplement-after-deadline');
    });

    it('refuses anyone but an agency or system administrator (403 problem)', async () => {
      const refused = await call('POST', '/v1/imports', {
        body,
        type: 'application/x-ndjson',
        headers: actorHeaders({ id: 'officer-hoa', role: 'receiving-officer' }),
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        type: 'https://tthc-engine.dev/problems/import-not-allowed',
        status: 403,
      });
    });
  });
});
