// Dossiers through the built engine (npm run build first), samples loaded at start-up: a full-online marital
// status certificate (1.004873 at 000.31.18.H56) submitted with an Idempotency-Key, walked through the whole
// one-stop lifecycle, read back with its timeline, looked up by the citizen, and the API's refusals.
import { chmodSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { startEngine, type EngineProcess, scratchDirectory } from '@tthc/testing';

import {
  AGENCY,
  application,
  COUNTER,
  LEADER,
  official,
  PORTAL,
  SPECIALIST,
  submission,
  type Json,
} from './marital-status-fixtures';

/** Local date in Vietnam (UTC+7, no daylight saving), as YYMMDD in dossier codes. */
const localYymmdd = (instant: string) =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');

describe('dossiers (built engine, samples loaded)', () => {
  let engine: EngineProcess;

  async function call(
    method: string,
    path: string,
    options: { json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; type: string; body: Json; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await fetch(`${engine.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      type,
      body: type.includes('json') ? (JSON.parse(text) as Json) : {},
      headers: res.headers,
    };
  }
  const submit = (json: Json, key?: string, headers: Record<string, string> = PORTAL) =>
    call('POST', '/v1/dossiers', {
      json,
      headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    });
  const act = (id: string, action: string, headers: Record<string, string>, json: Json = {}, key?: string) =>
    call('POST', `/v1/dossiers/${id}/actions/${action}`, {
      json,
      headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    });

  /** Read models are eventually consistent: poll until the condition holds. */
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
    const dataDir = scratchDirectory('tthc-e2e-dossiers-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    // The sample procedures and agencies are published at start-up and projected a moment later.
    await eventually(
      () => call('GET', '/v1/procedures/1.004873'),
      (r) => r.status === 200,
    );
    await eventually(
      () => call('GET', `/v1/agencies/${AGENCY}`),
      (r) => r.status === 200,
    );
  });
  afterAll(async () => {
    await engine?.stop();
  });

  describe('a full-online marital status certificate', () => {
    const key = randomUUID();
    let id: string;
    let code: string;

    it('is submitted with an Idempotency-Key, and a retry gets the same answer', async () => {
      const first = await submit(submission(), key);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        action: 'SubmitDossier',
        events: ['DossierSubmitted'],
        status: 'submitted',
        workflowState: 'submitted',
        code: null,
        appointmentAt: null,
      });
      id = first.body.dossierId as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);

      const retry = await submit(submission(), key);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    });

    it('refuses the same key with another body (422) and an online submission without a key (400)', async () => {
      const reused = await submit(submission({ paymentReference: 'PAY-1' }), key);
      expect(reused.status).toBe(422);
      expect(reused.type).toContain('application/problem+json');
      expect(reused.body.type).toBe('https://tthc-engine.dev/problems/idempotency-key-reused');

      const missing = await submit(submission());
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({
        type: 'https://tthc-engine.dev/problems/idempotency-key-required',
        errors: [{ path: '/headers/idempotency-key' }],
      });
    });

    it('is received with its code and appointment (form 01), once even when the receipt is retried', async () => {
      const receiptKey = randomUUID();
      const received = await act(id, 'receive', COUNTER, {}, receiptKey);
      expect(received.status).toBe(200);
      expect(received.body).toMatchObject({
        events: ['DossierReceived'],
        status: 'in-progress',
        workflowState: 'received',
        allowedActions: expect.arrayContaining(['TRANSFER']),
      });
      code = received.body.code as string;
      // Online: received when submitted, so the code carries the local submission date.
      expect(code).toMatch(
        new RegExp(`^000\\.31\\.18\\.H56-${localYymmdd(received.body.receivedAt as string)}-\\d{4}$`),
      );
      expect(received.body.appointmentAt).toEqual(expect.any(String));
      expect(received.body.appointmentLocal).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/);
      const again = await act(id, 'receive', COUNTER, {}, receiptKey);
      expect(again.body).toEqual(received.body);
    });

    it('answers a wrong-state action with 409, the current state and the actions allowed now', async () => {
      const early = await act(id, 'approve', LEADER);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        type: 'https://tthc-engine.dev/problems/dossier-action-not-allowed',
        action: 'APPROVE',
        state: 'received',
        role: 'leader',
      });
      const counterView = await act(id, 'issue-result', COUNTER);
      expect(counterView.status).toBe(409);
      expect(counterView.body).toMatchObject({
        state: 'received',
        allowedActions: expect.arrayContaining(['TRANSFER', 'WITHDRAW']),
      });
    });

    it('goes through transfer, the definition’s steps, approval, result, return and rating', async () => {
      const steps: [string, Record<string, string>, Json, Json][] = [
        ['transfer', COUNTER, {}, { workflowState: 'examine.active', events: ['DossierTransferred'] }],
        [
          'hand-over',
          SPECIALIST,
          { event: 'SUBMIT_FOR_SIGNATURE' },
          { workflowState: 'sign.active', events: ['DossierHandedOver'] },
        ],
        ['approve', LEADER, {}, { workflowState: 'approved', events: ['DossierApproved'] }],
        [
          'issue-result',
          SPECIALIST,
          { electronic: true },
          { status: 'resolved', workflowState: 'result-ready', events: ['ResultIssued'] },
        ],
        [
          'return-result',
          COUNTER,
          { method: 'online' },
          { status: 'closed', workflowState: 'returned', events: ['ResultReturned'] },
        ],
        [
          // The citizen rates through the portal that submitted for them.
          'rate',
          PORTAL,
          { score: 5, comment: 'Nhanh, gọn' },
          { status: 'closed', events: ['DossierRated'] },
        ],
      ];
      for (const [action, headers, json, expected] of steps) {
        const answer = await act(id, action, headers, json);
        expect({ action, status: answer.status, body: answer.body }).toMatchObject({
          action,
          status: 200,
          body: { ...expected, code },
        });
      }
    });

    it('reads back with its full timeline and clock; personal data only for its agency’s officials', async () => {
      const dossier = await eventually(
        () => call('GET', `/v1/dossiers/${id}`, { headers: PORTAL }),
        (r) => r.status === 200 && (r.body.timeline as unknown[]).length === 8,
      );
      expect(dossier.body).toMatchObject({
        id,
        code,
        procedureCode: '1.004873',
        agencyCode: AGENCY,
        channel: 'online',
        onlineLevel: 'full',
        status: 'closed',
        outcome: 'returned',
        timeliness: expect.stringMatching(/^(early|on-time|late)$/),
        rating: 5,
        personalData: 'masked',
        applicant: {
          name: 'Nguyễn T*** L**',
          nationalId: '*********123',
          phone: '*******456',
          email: 'l***@example.vn',
          address: '***, tỉnh Khánh Hòa',
        },
        clock: { clock: 'stopped', workingDaysLeft: expect.any(Number) },
      });
      expect(dossier.body.formData).toBeUndefined();
      const timeline = dossier.body.timeline as Json[];
      expect(timeline.map((entry) => entry.type)).toEqual([
        'DossierSubmitted',
        'DossierReceived',
        'DossierTransferred',
        'DossierHandedOver',
        'DossierApproved',
        'ResultIssued',
        'ResultReturned',
        'DossierRated',
      ]);
      expect(timeline[1].label.vi).toContain(`Tiếp nhận hồ sơ số ${code}`);
      expect(timeline[1].actor).toEqual({ id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY });
      expect(JSON.stringify(timeline)).not.toContain('056195000123');

      const full = await call('GET', `/v1/dossiers/by-code/${code}`, { headers: SPECIALIST });
      expect(full.status).toBe(200);
      expect(full.body).toMatchObject({
        id,
        personalData: 'full',
        applicant: { name: 'Nguyễn Thị Lan', nationalId: '056195000123' },
        formData: { purpose: 'marriage' },
        attachments: [{ fileName: 'to-khai.pdf', sizeBytes: 48213 }],
      });
      const otherAgency = await call('GET', `/v1/dossiers/${id}`, {
        headers: official('kv-officer', 'specialist', '000.00.18.H56'),
      });
      // Another agency's official is told there is no such dossier (object-level authorization).
      expect(otherAgency.status).toBe(404);
      expect(otherAgency.body.type).toBe('https://tthc-engine.dev/problems/dossier-not-found');
    });

    it('is found by the citizen with its code and phone number or national ID, masked', async () => {
      for (const verification of ['0905123456', '+84 905 123 456', '056195000123']) {
        const found = await call(
          'GET',
          `/v1/lookup?code=${code}&verification=${encodeURIComponent(verification)}`,
        );
        expect(found.status).toBe(200);
        expect(found.body).toMatchObject({ id, code, personalData: 'masked', allowedActions: [] });
        expect((found.body.timeline as unknown[]).length).toBe(8);
      }
      const inBody = await call('POST', '/v1/lookup', { json: { code, verification: '0905123456' } });
      expect(inBody.body).toMatchObject({ id, applicant: { name: 'Nguyễn T*** L**' } });

      const wrongDetail = await call('GET', `/v1/lookup?code=${code}&verification=0905000000`);
      const wrongCode = await call(
        'GET',
        `/v1/lookup?code=${code.replace(/\d{4}$/, '9999')}&verification=0905123456`,
      );
      for (const answer of [wrongDetail, wrongCode]) {
        expect(answer.status).toBe(404);
        expect(answer.body.type).toBe('https://tthc-engine.dev/problems/dossier-lookup-failed');
      }
      expect(wrongDetail.body.detail).toBe(wrongCode.body.detail);
    });
  });

  it('reports every form data error at once with its JSON Pointer', async () => {
    const { purpose: _purpose, ...withoutPurpose } = application;
    const answer = await submit(
      submission({
        formData: {
          ...withoutPurpose,
          copiesRequested: 9,
          applicant: { ...application.applicant, personalId: '12' },
        },
      }),
      randomUUID(),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.type).toBe('https://tthc-engine.dev/problems/invalid-application');
    const paths = (answer.body.errors as Json[]).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['/purpose', '/copiesRequested', '/applicant/personalId']));
  });

  it('refuses malformed requests, unknown procedures, a wrong online level and anonymous commands', async () => {
    const malformed = await submit({ ...submission({ channel: 'fax' }), extra: 1 }, randomUUID());
    expect(malformed.status).toBe(400);
    expect((malformed.body.errors as Json[]).map((e) => e.path)).toEqual(
      expect.arrayContaining(['/channel', '/extra']),
    );
    const unknown = await submit(submission({ procedureCode: '9.999999' }), randomUUID());
    expect(unknown.status).toBe(404);
    // The sample procedure is offered in full online (level 4): a partial submission is accepted, but a
    // counter submission is not online and states no level.
    expect((await submit(submission({ onlineLevel: 'partial' }), randomUUID())).status).toBe(201);
    const mismatched = await submit(submission({ channel: 'counter', onlineLevel: 'full' }), randomUUID());
    expect(mismatched.status).toBe(422);
    // The applicant's commune, for travel costs, is a unit code, never an address.
    const addressed = await submit(submission({ applicantLocality: 'xã Khánh Trung' }), randomUUID());
    expect(addressed.status).toBe(400);
    expect(JSON.stringify(addressed.body)).toContain('applicantLocality');
    expect(mismatched.body.type).toBe('https://tthc-engine.dev/problems/online-level-mismatch');
    const anonymous = await submit(submission(), randomUUID(), {});
    expect(anonymous.status).toBe(401);
    const missing = await act(randomUUID(), 'receive', COUNTER);
    expect(missing.status).toBe(404);
  });

  it('lists an agency’s worklists sorted by due instant, paged by cursor', async () => {
    const counterDossiers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await submit(
        submission({ channel: 'counter', onlineLevel: undefined }),
        undefined,
        COUNTER,
      );
      counterDossiers.push(body.dossierId as string);
      expect((await act(body.dossierId as string, 'receive', COUNTER)).status).toBe(200);
    }
    const waiting = (await submit(submission(), randomUUID())).body.dossierId as string;
    expect(
      (
        await act(waiting, 'request-completion', COUNTER, {
          missingDocuments: [{ code: 'to-khai', name: 'Tờ khai có chữ ký' }],
          guidance: 'Nộp lại tờ khai có chữ ký của người yêu cầu.',
        })
      ).status,
    ).toBe(200);

    const all = await eventually(
      () => call('GET', `/v1/worklists?agency=${AGENCY}&view=all&limit=100`, { headers: COUNTER }),
      // The lifecycle's dossier, the partial-level one, the 3 counter dossiers and the one waiting.
      (r) => r.status === 200 && (r.body.items as Json[]).length >= 6,
    );
    const items = all.body.items as Json[];
    const dues = items.map((item) => item.dueAt as string | null);
    const withDue = dues.filter((due): due is string => due !== null);
    expect(withDue).toEqual([...withDue].sort());
    expect(dues.slice(withDue.length).every((due) => due === null)).toBe(true);
    expect(items[0].personalData).toBe('full');

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Json } = await call(
        'GET',
        `/v1/worklists?agency=${AGENCY}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: SPECIALIST },
      );
      paged.push(...(page.body.items as Json[]).map((item) => item.id as string));
      expect((page.body.items as Json[]).every((item) => item.personalData === 'full')).toBe(true);
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(paged).toEqual(items.map((item) => item.id));

    const waitingList = await eventually(
      () => call('GET', `/v1/worklists?agency=${AGENCY}&view=waiting-for-citizen`, { headers: COUNTER }),
      (r) => (r.body.items as Json[]).some((item) => item.id === waiting),
    );
    expect((waitingList.body.items as Json[]).map((item) => item.id)).toEqual([waiting]);
    const procedureFilter = await call(
      'GET',
      `/v1/worklists?agency=${AGENCY}&procedure=1.004873&channel=counter&view=all`,
      { headers: COUNTER },
    );
    expect((procedureFilter.body.items as Json[]).map((item) => item.id).sort()).toEqual(
      [...counterDossiers].sort(),
    );
    for (const view of ['due-today', 'due-soon', 'overdue', 'at-risk']) {
      expect(
        (await call('GET', `/v1/worklists?agency=${AGENCY}&view=${view}`, { headers: COUNTER })).status,
      ).toBe(200);
    }
    expect((await call('GET', `/v1/worklists?agency=${AGENCY}&limit=101`, { headers: COUNTER })).status).toBe(
      400,
    );
  });
});
