// Official calendars through the built engine (npm run build first): the shipped years are seeded as
// confirmed at start-up, a system-admin proposes and confirms 2027, an inconsistent year document is refused
// with every problem (422), and anyone else is refused (403).
import { chmodSync } from 'node:fs';
import {
  startEngine,
  waitForSamples,
  type EngineProcess,
  actorHeaders,
  scratchDirectory,
} from '@tthc/testing';

type Json = Record<string, unknown>;
const ADMIN = actorHeaders({ id: 'admin-lan', role: 'system-admin' });
const OFFICER = actorHeaders({ id: 'officer-hoa', role: 'receiving-officer', agency: '000.31.18.H56' });

describe('official calendars (built engine)', () => {
  let engine: EngineProcess;

  async function call(
    method: string,
    path: string,
    options: { json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await fetch(`${engine.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
    let last: T | undefined;
    for (let i = 0; i < 150; i++) {
      last = await read();
      if (holds(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`condition never held; last value: ${JSON.stringify(last)}`);
  }

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-calendars-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('lists the shipped years 2015-2026 as confirmed (seeded from the shipped data), and next year as provisional from 1 October', async () => {
    const shipped = Array.from({ length: 12 }, (_, i) => 2015 + i);
    const list = await eventually(
      () => call('GET', '/v1/calendars'),
      (r) => Array.isArray(r.body) && (r.body as Json[]).filter((y) => y.status === 'confirmed').length >= 12,
    );
    expect(list.status).toBe(200);
    const today = new Date(Date.now() + 7 * 3_600_000);
    const awaited = today.getUTCMonth() >= 9 ? [today.getUTCFullYear() + 1] : [];
    expect(list.body).toEqual([
      ...shipped.map((year) => expect.objectContaining({ year, status: 'confirmed' })),
      ...awaited
        .filter((year) => year > 2026)
        .map((year) => expect.objectContaining({ year, status: 'provisional', updatedAt: null })),
    ]);
    const year = await call('GET', '/v1/calendars/2026');
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: 2026, status: 'confirmed', data: { year: 2026 } });
    // Years before 2021 are served too (they were refused with 400 before).
    expect(await call('GET', '/v1/calendars/2019')).toMatchObject({
      status: 200,
      body: { year: 2019, status: 'confirmed' },
    });
    // A year nobody confirmed answers with the provisional calendar deadlines are computed on.
    const provisional = await call('GET', '/v1/calendars/2031');
    expect(provisional).toMatchObject({
      status: 200,
      body: { year: 2031, status: 'provisional', updatedAt: null },
    });
    expect((provisional.body.data as Json).source).toContain('Provisional');
    expect((await call('GET', '/v1/calendars/2006')).status).toBe(400);
  });

  it('shows an unconfirmed next year on /health/ready from 1 October, while staying ready', async () => {
    const ready = await call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    const today = new Date(Date.now() + 7 * 3_600_000);
    const details = (ready.body.details as Record<string, Json>).officialCalendars;
    if (today.getUTCMonth() >= 9) {
      expect(details).toMatchObject({
        status: 'up',
        nextYearConfirmed: false,
        unconfirmedYear: today.getUTCFullYear() + 1,
      });
      const metrics = await fetch(`${engine.baseUrl}/metrics`).then((r) => r.text());
      expect(metrics).toContain(`tthc_official_calendar_unconfirmed_next_year ${today.getUTCFullYear() + 1}`);
    } else {
      expect(details).toMatchObject({ status: 'up', nextYearConfirmed: true });
    }
  });

  it('creates a proposal for 2027, for a system-admin only', async () => {
    expect((await call('POST', '/v1/calendars/2027/proposal', { headers: OFFICER })).status).toBe(403);
    const proposed = await call('POST', '/v1/calendars/2027/proposal', { headers: ADMIN });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      year: 2027,
      status: 'proposed',
      events: ['OfficialCalendarProposed'],
      data: { status: 'proposed' },
    });
    // Until the read model has the proposal, the year answers with its provisional calendar.
    const read = await eventually(
      () => call('GET', '/v1/calendars/2027'),
      (r) => r.status === 200 && r.body.status === 'proposed',
    );
    expect(read.body).toMatchObject({ year: 2027, status: 'proposed' });
  });

  it('refuses an inconsistent year document with its problems (422), and a non-admin (403)', async () => {
    const proposal = (await call('GET', '/v1/calendars/2027')).body.data as Json;
    const invalid = await call('PUT', '/v1/calendars/2027', {
      headers: ADMIN,
      json: {
        source: '',
        daysOff: [{ date: '2026-12-31', name: { vi: 'Sai', en: 'Wrong' }, kind: 'holiday' }],
        makeUpWorkingDays: [
          { date: '2027-03-03', name: { vi: 'Làm bù', en: 'Make-up' }, compensates: '2027-03-01' },
        ],
      },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.type).toBe('https://tthc-engine.dev/problems/invalid-official-calendar');
    expect((invalid.body.problems as string[]).length).toBeGreaterThanOrEqual(3);

    const document = {
      source: 'Công văn (test) về lịch nghỉ lễ, Tết năm 2027',
      daysOff: proposal.daysOff,
      makeUpWorkingDays: proposal.makeUpWorkingDays,
    };
    expect((await call('PUT', '/v1/calendars/2027', { headers: OFFICER, json: document })).status).toBe(403);

    const confirmed = await call('PUT', '/v1/calendars/2027', { headers: ADMIN, json: document });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      year: 2027,
      status: 'confirmed',
      events: ['OfficialCalendarConfirmed'],
    });
    await eventually(
      () => call('GET', '/v1/calendars/2027'),
      (r) => r.body.status === 'confirmed',
    );

    // A later change is an amendment and needs a reason.
    const noReason = await call('PUT', '/v1/calendars/2027', {
      headers: ADMIN,
      json: { ...document, source: `${document.source} (sửa đổi)` },
    });
    expect(noReason.status).toBe(422);
    const amended = await call('PUT', '/v1/calendars/2027', {
      headers: ADMIN,
      json: { ...document, source: `${document.source} (sửa đổi)`, reason: 'Văn bản sửa đổi' },
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ events: ['OfficialCalendarAmended'] });
  });
});
