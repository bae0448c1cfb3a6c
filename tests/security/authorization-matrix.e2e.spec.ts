// The authorization matrix (OWASP API1 broken object-level and API5 broken function-level authorization),
// over EVERY operation of the OpenAPI document, so that an endpoint added later without a rule fails here:
// - no credentials, garbage, expired, foreign-signed or X-Actor-* "credentials" → 401 problem document,
//   except the operations listed as public, which answer without credentials;
// - the wrong role → 403 problem document (every non-public operation needs a rule below);
// - the wrong owner: another integration or another agency's official gets 404 on every dossier operation
//   (existence is not revealed), 403 on another agency's worklist, drafts, procedures and submissions.
import { randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import {
  actorHeaders,
  actorToken,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestActor,
  scratchDirectory,
} from '@tthc/testing';
import sampleSubmission from '../dossiers/sample-submission.json';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const AGENCY = '000.31.18.H56';
const OTHER_AGENCY = '000.00.18.H56';
const PORTAL_A: TestActor = { id: 'portal-a', role: 'integration' };
const PORTAL_B: TestActor = { id: 'portal-b', role: 'integration' };
const COUNTER: TestActor = { id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY };
const SPECIALIST: TestActor = { id: 'officer-tuan', role: 'specialist', agency: AGENCY };
const OTHER_SPECIALIST: TestActor = { id: 'officer-kv', role: 'specialist', agency: OTHER_AGENCY };
const OTHER_COUNTER: TestActor = { id: 'counter-kv', role: 'receiving-officer', agency: OTHER_AGENCY };
const ANALYST: TestActor = { id: 'analyst-an', role: 'analyst', area: 'H56' };

/** Open without credentials, on purpose: operations, documents, the public catalogue, the citizen lookup. */
const PUBLIC = new Set([
  'GET /health/live',
  'GET /health/ready',
  'GET /docs/procedure-definition.schema.json',
  'GET /v1/procedures',
  'GET /v1/procedures/{code}',
  'GET /v1/procedures/{code}/versions/{version}',
  'GET /v1/procedures/{code}/versions/{version}/diagram.svg',
  'GET /v1/procedures/{code}/versions/{version}/diagram.mmd',
  'GET /v1/agencies',
  'GET /v1/agencies/{code}',
  'GET /v1/administrative-units',
  'GET /v1/administrative-units/{code}',
  'GET /v1/calendars',
  'GET /v1/calendars/{year}',
  'GET /v1/lookup',
  'POST /v1/lookup',
]);

/** Any authenticated caller may, with the reason. */
const ANY_AUTHENTICATED: Record<string, string> = {
  'POST /v1/procedures/validate': 'checks a submitted document; reads and writes nothing',
};

interface Attempt {
  readonly as: TestActor;
  readonly body?: unknown;
  readonly contentType?: string;
}

/** For every non-public operation: a caller whose ROLE may never do it (with a body the route accepts). */
function wrongRole(method: string, path: string): Attempt | undefined {
  const key = `${method} ${path}`;
  if (path.startsWith('/v1/dossiers')) return { as: ANALYST, body: method === 'POST' ? {} : undefined };
  if (key === 'GET /v1/worklists') return { as: PORTAL_A };
  if (key === 'POST /v1/imports')
    return { as: SPECIALIST, body: '{}\n', contentType: 'application/x-ndjson' };
  if (path.startsWith('/v1/calendars')) return { as: SPECIALIST, body: {} };
  if (key === 'GET /v1/audit') return { as: SPECIALIST };
  if (path.startsWith('/v1/procedures')) return { as: PORTAL_A, body: method === 'GET' ? undefined : {} };
  if (path.startsWith('/v1/agencies')) return { as: SPECIALIST, body: {} };
  if (path.startsWith('/v1/api-keys')) return { as: SPECIALIST, body: {} };
  if (path.startsWith('/v1/analytics')) return { as: PORTAL_A };
  if (key === 'POST /v1/personal-data/erasures') {
    return { as: SPECIALIST, body: { nationalId: '079203001123', reference: 'TEST-1' } };
  }
  if (path.startsWith('/v1/webhooks/dead-letters')) return { as: PORTAL_A };
  if (key === 'POST /v1/webhooks') {
    return { as: SPECIALIST, body: { url: 'https://example.org/hook', procedureCode: '1.004873' } };
  }
  if (path.startsWith('/v1/webhooks')) return { as: SPECIALIST };
  return undefined;
}

const PARAMS: Record<string, string> = {
  id: randomUUID(),
  deliveryId: '424242',
  code: '1.004873',
  version: '1',
  year: '2027',
};

function fill(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'code' && path.startsWith('/v1/agencies')) return values.code ?? AGENCY;
    if (name === 'code' && path.startsWith('/v1/administrative-units')) return values.code ?? '22333';
    if (name === 'code' && path.startsWith('/v1/dossiers')) return values.code ?? `${AGENCY}-260101-0001`;
    if (name === 'id' && path.startsWith('/v1/api-keys')) return values.id ?? 'no-such-key';
    return encodeURIComponent(values[name] ?? PARAMS[name] ?? 'x');
  });
}

describe('authorization matrix over every OpenAPI operation (built engine, samples loaded)', () => {
  let engine: EngineProcess;
  let operations: { method: string; path: string; operation: Json }[];
  let openApi: Json;

  async function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<{ status: number; type: string; body: Json; wwwAuthenticate: string | null }> {
    const res = await fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      type,
      body: type.includes('json') && text !== '' ? (JSON.parse(text) as Json) : {},
      wwwAuthenticate: res.headers.get('www-authenticate'),
    };
  }

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-security-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
    openApi = (await (await fetch(`${engine.baseUrl}/docs/openapi.json`)).json()) as Json;
    operations = Object.entries(openApi.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path, operation: item[m] as Json })),
    );
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it('knows every public operation it lists (the list does not rot), as the document declares them', () => {
    const keys = new Set(operations.map((o) => `${o.method} ${o.path}`));
    expect([...PUBLIC].filter((key) => !keys.has(key))).toEqual([]);
    const declaredOpen = operations
      .filter((o) => Array.isArray(o.operation.security) && (o.operation.security as unknown[]).length === 0)
      .map((o) => `${o.method} ${o.path}`);
    expect(declaredOpen.sort()).toEqual([...PUBLIC].sort());
    const undeclared = operations.filter((o) => !Array.isArray(o.operation.security));
    expect(undeclared.map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(operations.length).toBeGreaterThan(40);
  });

  it('answers 401 problem documents without credentials, and public operations without them', async () => {
    const wrong: string[] = [];
    for (const { method, path } of operations) {
      const key = `${method} ${path}`;
      const answer = await call(
        method,
        fill(path),
        {},
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      if (PUBLIC.has(key)) {
        if (answer.status === 401 || answer.status === 403) wrong.push(`${key}: public but ${answer.status}`);
        continue;
      }
      const ok =
        answer.status === 401 &&
        answer.type.startsWith('application/problem+json') &&
        answer.body.type === 'https://tthc-engine.dev/problems/authentication-required' &&
        (answer.wwwAuthenticate ?? '').includes('Bearer');
      if (!ok) wrong.push(`${key}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses forged, expired, foreign and header-only credentials on every protected operation (401)', async () => {
    const forged: Record<string, Record<string, string>> = {
      garbage: { authorization: 'Bearer not-a-jwt' },
      expired: { authorization: `Bearer ${actorToken(SPECIALIST, { expiresIn: -60 })}` },
      'other secret': {
        authorization: `Bearer ${actorToken(SPECIALIST, { secret: 'another-secret-of-at-least-32-characters!!' })}`,
      },
      'other issuer': { authorization: `Bearer ${actorToken(SPECIALIST, { issuer: 'someone-else' })}` },
      'unknown API key': { 'x-api-key': `tthc_${'A'.repeat(43)}` },
      'X-Actor headers': { 'x-actor-id': 'admin', 'x-actor-role': 'system-admin' },
      'system role': { authorization: `Bearer ${actorToken({ id: 'x', role: 'system' })}` },
    };
    const wrong: string[] = [];
    for (const { method, path } of operations) {
      const key = `${method} ${path}`;
      if (PUBLIC.has(key)) continue;
      for (const [name, headers] of Object.entries(forged)) {
        const answer = await call(method, fill(path), headers);
        if (answer.status !== 401 || !answer.type.startsWith('application/problem+json')) {
          wrong.push(`${key} with ${name}: ${answer.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses the wrong role on every protected operation (403 problem document)', async () => {
    const wrong: string[] = [];
    for (const { method, path } of operations) {
      const key = `${method} ${path}`;
      if (PUBLIC.has(key) || key in ANY_AUTHENTICATED) continue;
      const attempt = wrongRole(method, path);
      if (attempt === undefined) {
        wrong.push(`${key}: no authorization rule in this matrix — add one (wrongRole) or list it as public`);
        continue;
      }
      const answer = await call(
        method,
        fill(path),
        actorHeaders(attempt.as),
        method === 'GET' || method === 'DELETE' ? undefined : attempt.body,
        attempt.contentType,
      );
      if (answer.status !== 403 || !answer.type.startsWith('application/problem+json')) {
        wrong.push(
          `${key} as ${attempt.as.role}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  describe('the wrong owner', () => {
    let dossierId: string;
    let dossierCode: string;

    beforeAll(async () => {
      const submitted = await call(
        'POST',
        '/v1/dossiers',
        { ...actorHeaders(PORTAL_A), 'idempotency-key': randomUUID() },
        sampleSubmission,
      );
      expect(submitted.status).toBe(201);
      dossierId = submitted.body.dossierId as string;
      const received = await call(
        'POST',
        `/v1/dossiers/${dossierId}/actions/receive`,
        actorHeaders(COUNTER),
        {},
      );
      expect(received.status).toBe(200);
      dossierCode = received.body.code as string;
    });

    /** A body each dossier operation accepts, so that the refusal is about ownership, not the input. */
    function validBody(path: string): unknown {
      const action = path.split('/').pop() ?? '';
      const kinds = (openApi.components.schemas.StartExcludedIntervalDto?.properties?.kind?.enum ??
        []) as string[];
      const bodies: Record<string, unknown> = {
        'request-completion': { missingDocuments: [{ name: 'Tờ khai' }], guidance: 'Bổ sung tờ khai' },
        complete: { channel: 'online' },
        'provide-supplement': { channel: 'online' },
        'refuse-receipt': { reason: 'Không đủ điều kiện' },
        refuse: { reason: 'Không đủ điều kiện' },
        withdraw: { reason: 'Không cần nữa' },
        'hand-over': { event: 'SUBMIT_FOR_SIGNATURE' },
        'request-supplement': { reason: 'Thiếu giấy tờ', missingDocuments: [{ name: 'Tờ khai' }] },
        'start-excluded-interval': { kind: kinds[0] },
        'return-result': { method: 'online' },
        apologise: { reason: 'Trễ hẹn', newAppointmentAt: '2030-01-02T02:00:00.000Z' },
        rate: { score: 5 },
      };
      return bodies[action] ?? {};
    }

    it('hides a dossier from another integration and from another agency’s officials on every dossier operation (404)', async () => {
      const dossierOps = operations.filter((o) => o.path.startsWith('/v1/dossiers/'));
      expect(dossierOps.length).toBeGreaterThan(15);
      const wrong: string[] = [];
      for (const { method, path } of dossierOps) {
        for (const stranger of [PORTAL_B, OTHER_SPECIALIST, { id: 'citizen-x', role: 'citizen' }]) {
          const answer = await call(
            method,
            fill(path, { id: dossierId, code: dossierCode }),
            { ...actorHeaders(stranger), 'idempotency-key': randomUUID() },
            method === 'GET' ? undefined : validBody(path),
          );
          if (
            answer.status !== 404 ||
            answer.body.type !== 'https://tthc-engine.dev/problems/dossier-not-found'
          ) {
            wrong.push(
              `${method} ${path} as ${stranger.id}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`,
            );
          }
        }
      }
      expect(wrong).toEqual([]);
      // The owners still see it: the submitting integration (masked) and the agency's official (in full).
      const own = await call('GET', `/v1/dossiers/${dossierId}`, actorHeaders(PORTAL_A));
      expect(own.body).toMatchObject({ id: dossierId, personalData: 'masked' });
      const official = await call('GET', `/v1/dossiers/by-code/${dossierCode}`, actorHeaders(SPECIALIST));
      expect(official.body).toMatchObject({ id: dossierId, personalData: 'full' });
    });

    it('keeps an official to their own agency: submissions, worklists, drafts and procedures (403/404)', async () => {
      const submit = await call(
        'POST',
        '/v1/dossiers',
        { ...actorHeaders(OTHER_COUNTER), 'idempotency-key': randomUUID() },
        { ...sampleSubmission, channel: 'counter' },
      );
      expect(submit).toMatchObject({
        status: 403,
        body: { type: expect.stringContaining('agency-scope-violation') },
      });
      const worklist = await call('GET', `/v1/worklists?agency=${AGENCY}`, actorHeaders(OTHER_SPECIALIST));
      expect(worklist).toMatchObject({
        status: 403,
        body: { type: expect.stringContaining('agency-scope-violation') },
      });
      expect((await call('GET', `/v1/worklists?agency=${AGENCY}`, actorHeaders(SPECIALIST))).status).toBe(
        200,
      );

      const yaml = (await (
        await fetch(`${engine.baseUrl}/v1/procedures/1.004873/versions/1`)
      ).json()) as Json;
      const draft = await call('POST', '/v1/procedures/drafts', actorHeaders(SPECIALIST), yaml.definition);
      expect(draft.status).toBe(201);
      // The draft reaches its read model a moment later: wait until its own agency sees it.
      let own = 0;
      for (let i = 0; i < 100 && own !== 200; i++) {
        own = (await call('GET', '/v1/procedures/drafts/1.004873', actorHeaders(SPECIALIST))).status;
        if (own !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(own).toBe(200);
      const otherDraft = await call('GET', '/v1/procedures/drafts/1.004873', actorHeaders(OTHER_SPECIALIST));
      expect(otherDraft.status).toBe(404);
      const otherList = await call(
        'GET',
        `/v1/procedures/drafts?agency=${AGENCY}`,
        actorHeaders(OTHER_SPECIALIST),
      );
      expect(otherList.status).toBe(403);
      const otherUpdate = await call(
        'PUT',
        '/v1/procedures/drafts/1.004873',
        actorHeaders(OTHER_SPECIALIST),
        yaml.definition,
      );
      expect(otherUpdate.status).toBe(403);
      const otherPublish = await call(
        'POST',
        '/v1/procedures/1.004873/publish',
        actorHeaders(OTHER_SPECIALIST),
        {},
      );
      expect(otherPublish.status).toBe(403);
      const otherRetire = await call(
        'POST',
        '/v1/procedures/1.004873/retire',
        actorHeaders(OTHER_SPECIALIST),
        {},
      );
      expect(otherRetire.status).toBe(403);
    });

    it('lets an agency administrator import only their own agency’s dossiers', async () => {
      const record = {
        externalId: 'scope-check-1',
        procedureCode: '1.004873',
        channel: 'online',
        applicant: sampleSubmission.applicant,
        formData: sampleSubmission.formData,
        steps: [{ action: 'receive', at: '2026-03-04T09:15:00+07:00', actor: COUNTER }],
      };
      const otherAdmin = actorHeaders({ id: 'admin-kv', role: 'agency-admin', agency: OTHER_AGENCY });
      const refused = await call(
        'POST',
        '/v1/imports?dryRun=true',
        otherAdmin,
        `${JSON.stringify(record)}\n`,
        'application/x-ndjson',
      );
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ failed: 1 });
      expect(JSON.stringify(refused.body.errors)).toContain('agency-scope-violation');
      const ownAdmin = actorHeaders({ id: 'admin-kt', role: 'agency-admin', agency: AGENCY });
      const accepted = await call(
        'POST',
        '/v1/imports?dryRun=true',
        ownAdmin,
        `${JSON.stringify(record)}\n`,
        'application/x-ndjson',
      );
      expect(accepted.body).toMatchObject({ failed: 0 });
    });

    it('keeps analysts to their area and officials to their province in the statistics (403)', async () => {
      const ii06a = (agency?: string) =>
        `/v1/analytics/ii06a?from=2025-01-01&to=2025-12-31${agency ? `&agency=${agency}` : ''}`;
      const khanhHoa = actorHeaders({ ...ANALYST, area: 'H56' });
      const elsewhere = actorHeaders({ ...ANALYST, area: 'H01' });
      const national = actorHeaders({ id: 'analyst-vn', role: 'analyst' });
      expect((await call('GET', ii06a(OTHER_AGENCY), khanhHoa)).status).toBe(200);
      const wrongArea = await call('GET', ii06a(OTHER_AGENCY), elsewhere);
      expect(wrongArea).toMatchObject({
        status: 403,
        body: { type: expect.stringContaining('area-scope-violation') },
      });
      expect((await call('GET', ii06a(), khanhHoa)).status).toBe(403);
      expect((await call('GET', ii06a(), national)).status).toBe(200);
      expect((await call('GET', ii06a(OTHER_AGENCY), actorHeaders(SPECIALIST))).status).toBe(200);
      expect((await call('GET', ii06a('000.00.00.H01'), actorHeaders(SPECIALIST))).status).toBe(403);
      expect((await call('GET', '/v1/analytics/definitions', elsewhere)).status).toBe(200);
    });

    it('keeps an integration to its own webhooks (404 for another’s)', async () => {
      const registered = await call('POST', '/v1/webhooks', actorHeaders(PORTAL_A), {
        url: 'https://example.org/portal-a',
        procedureCode: '1.004873',
      });
      expect(registered.status).toBe(201);
      const id = (registered.body.webhook?.id ?? registered.body.id) as string;
      for (const [method, path] of [
        ['GET', `/v1/webhooks/${id}`],
        ['GET', `/v1/webhooks/${id}/deliveries`],
        ['POST', `/v1/webhooks/${id}/rotate-secret`],
        ['DELETE', `/v1/webhooks/${id}`],
      ]) {
        expect({ path, status: (await call(method, path, actorHeaders(PORTAL_B))).status }).toEqual({
          path,
          status: 404,
        });
      }
      expect((await call('GET', `/v1/webhooks/${id}`, actorHeaders(PORTAL_A))).status).toBe(200);
    });
  });
});
