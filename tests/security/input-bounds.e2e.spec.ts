// Input the engine accepted although it made no sense, now refused with a problem document (built engine):
// a form 04 appointment in the year 2999, bearer tokens issued in the future or living for a week, and a
// webhook for a procedure that does not exist. Weak production secrets: credentials-and-limits.e2e.spec.ts.
import { randomUUID } from 'node:crypto';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { SAMPLE_APPLICATIONS } from '../../libs/procedures/samples/sample-applications';
import {
  actorHeaders,
  actorToken,
  createTestDatabase,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestActor,
  type TestDatabase,
} from '@tthc/testing';
import sampleSubmission from '../dossiers/sample-submission.json';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const AGENCY = '000.31.18.H56';
const PORTAL: TestActor = { id: 'dvc-portal', role: 'integration' };
const COUNTER: TestActor = { id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY };
const SPECIALIST: TestActor = { id: 'officer-tuan', role: 'specialist', agency: AGENCY };
/** Birth registration with a health insurance card (liên thông): 7 working days committed, 15 statutory. */
const LIEN_THONG = '1.001193.LT';

describe('input bounds (built engine)', () => {
  let db: TestDatabase;
  let engine: EngineProcess;

  async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
    const res = await fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: (text === '' ? {} : JSON.parse(text)) as Json,
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    engine = await startEngine({ DATABASE_URL: db.url, LOAD_SAMPLES: 'true', LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl, [`/v1/procedures/${LIEN_THONG}`, `/v1/agencies/${AGENCY}`]);
  });

  afterAll(async () => {
    await engine?.stop();
    await db?.drop();
  });

  it('refuses a form 04 appointment in the year 2999 (422 naming the latest allowed), then accepts that one', async () => {
    const submitted = await call(
      'POST',
      '/v1/dossiers',
      { ...actorHeaders(PORTAL), 'idempotency-key': randomUUID() },
      {
        ...sampleSubmission,
        procedureCode: LIEN_THONG,
        onlineLevel: 'partial',
        formData: SAMPLE_APPLICATIONS[LIEN_THONG].form,
      },
    );
    expect({ status: submitted.status, problem: submitted.body.type }).toEqual({
      status: 201,
      problem: undefined,
    });
    const actions = `/v1/dossiers/${submitted.body.dossierId}/actions`;
    expect((await call('POST', `${actions}/receive`, actorHeaders(COUNTER), {})).status).toBe(200);
    expect((await call('POST', `${actions}/transfer`, actorHeaders(COUNTER), {})).status).toBe(200);

    const far = await call('POST', `${actions}/apologise`, actorHeaders(SPECIALIST), {
      reason: 'Chờ xác minh của cơ quan bảo hiểm xã hội',
      newAppointmentAt: '2999-01-01T02:00:00.000Z',
    });
    expect(far).toMatchObject({
      status: 422,
      type: expect.stringContaining('application/problem+json'),
      body: {
        type: 'https://tthc-engine.dev/problems/rescheduled-appointment-too-late',
        newAppointmentAt: '2999-01-01T02:00:00.000Z',
        latestAppointmentAt: expect.any(String),
        committedDuration: { unit: 'working-days', value: 7 },
        errors: [{ path: '/newAppointmentAt', message: expect.stringContaining('must be no later than') }],
      },
    });
    const latest = new Date(far.body.latestAppointmentAt as string);
    // At most 7 working days after the statutory due time, itself at most 15 working days (3 weeks + Tết) away.
    expect(latest.getTime() - Date.now()).toBeLessThan(120 * 86_400_000);

    const justOver = await call('POST', `${actions}/apologise`, actorHeaders(SPECIALIST), {
      reason: 'Chờ xác minh của cơ quan bảo hiểm xã hội',
      newAppointmentAt: new Date(latest.getTime() + 60_000).toISOString(),
    });
    expect(justOver.status).toBe(422);
    const accepted = await call('POST', `${actions}/apologise`, actorHeaders(SPECIALIST), {
      reason: 'Chờ xác minh của cơ quan bảo hiểm xã hội',
      newAppointmentAt: latest.toISOString(),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.appointmentAt).toBe(latest.toISOString());
  });

  it('refuses bearer tokens issued in the future or living longer than 24 hours (401); accepts a 24-hour one', async () => {
    const path = `/v1/worklists?agency=${AGENCY}`;
    const as = (token: string) => call('GET', path, { authorization: `Bearer ${token}` });
    expect((await as(actorToken(SPECIALIST, { expiresIn: 24 * 3600 }))).status).toBe(200);
    expect((await as(actorToken(SPECIALIST, { issuedIn: 30, expiresIn: 3600 }))).status).toBe(200);
    for (const options of [
      { issuedIn: 3600, expiresIn: 7200 },
      { expiresIn: 7 * 24 * 3600 },
      { issuedIn: -3600, expiresIn: 10 * 365 * 24 * 3600 },
    ]) {
      const refused = await as(actorToken(SPECIALIST, options));
      expect({ options, status: refused.status, type: refused.body.type }).toEqual({
        options,
        status: 401,
        type: 'https://tthc-engine.dev/problems/invalid-credentials',
      });
    }
  });

  it('refuses a webhook for a procedure that does not exist (422 naming it), and stores nothing', async () => {
    const refused = await call('POST', '/v1/webhooks', actorHeaders(PORTAL), {
      url: 'https://portal.example.vn/hooks',
      procedureCode: '9.999999',
    });
    expect(refused).toMatchObject({
      status: 422,
      type: expect.stringContaining('application/problem+json'),
      body: {
        type: 'https://tthc-engine.dev/problems/unknown-procedure',
        procedureCode: '9.999999',
        detail: expect.stringContaining('9.999999'),
        errors: [{ path: '/procedureCode', message: expect.stringContaining('9.999999') }],
      },
    });
    const listed = await call('GET', '/v1/webhooks', actorHeaders(PORTAL));
    expect(JSON.stringify(listed.body)).not.toContain('9.999999');
    const known = await call('POST', '/v1/webhooks', actorHeaders(PORTAL), {
      url: 'https://portal.example.vn/hooks',
      procedureCode: LIEN_THONG,
    });
    expect(known.status).toBe(201);
  });
});
