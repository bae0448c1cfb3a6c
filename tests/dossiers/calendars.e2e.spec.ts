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

  it('lists the shipped years 2018-2020, 2025 and 2026 as confirmed (seeded from the shipped data)', async () => {
    const list = await eventually(
      () => call('GET', '/v1/calendars'),
      (r) => Array.isArray(r.body) && (r.body as unknown[]).length >= 5,
    );
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ year: 2018, status: 'confirmed' }),
      expect.objectContaining({ year: 2019, status: 'confirmed' }),
      expect.objectContaining({ year: 2020, status: 'confirmed' }),
      expect.objectContaining({ year: 2025, status: 'confirmed' }),
      expect.objectContaining({ year: 2026, status: 'confirmed' }),
    ]);
    const year = await call('GET', '/v1/calendars/2026');
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: 2026, status: 'confirmed', data: { year: 2026 } });
    expect((await call('GET', '/v1/calendars/2031')).status).toBe(404);
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
    const read = await eventually(
      () => call('GET', '/v1/calendars/2027'),
      (r) => r.status === 200,
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
