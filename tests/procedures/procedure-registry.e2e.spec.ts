// The procedure registry through the built engine (npm run build first): samples loaded at start-up,
// the catalogue API, drafting and publishing with their errors, diagrams, the schema, agencies and units.
import { chmodSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEngine, type EngineProcess, actorHeaders, scratchDirectory } from '@tthc/testing';

const SAMPLES = resolve(__dirname, '../../libs/procedures/samples');
const sample = (file: string) => readFileSync(join(SAMPLES, file), 'utf8');

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const COMMUNE_OFFICIAL = actorHeaders({ id: 'kt-officer', role: 'specialist', agency: '000.31.18.H56' });
const DISTRICT_OFFICIAL = actorHeaders({ id: 'kv-officer', role: 'specialist', agency: '000.00.18.H56' });
const ADMIN = actorHeaders({ id: 'admin-1', role: 'administrator' });

describe('procedure registry (built engine, samples loaded)', () => {
  let dataDir: string;
  let engine: EngineProcess;

  async function call(
    method: string,
    path: string,
    options: { json?: unknown; yaml?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; type: string; body: Json; text: string }> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.yaml !== undefined) {
      headers['content-type'] = 'application/yaml';
      body = options.yaml;
    }
    const res = await fetch(`${engine.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, text, body: type.includes('json') ? (JSON.parse(text) as Json) : {} };
  }
  const get = (path: string) => call('GET', path);

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
  const codes = (page: Json) => (page.items as Json[]).map((i) => i.code as string);

  beforeAll(async () => {
    dataDir = scratchDirectory('tthc-e2e-procedures-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('lists the six samples with filters and pagination', async () => {
    const all = await eventually(
      () => get('/v1/procedures?limit=100'),
      (r) => r.body.total === 6,
    );
    expect(codes(all.body)).toEqual([
      '1.001193',
      '1.001193.LT',
      '1.001612',
      '1.004222',
      '1.004873',
      '1.004888',
    ]);

    const first = await get('/v1/procedures?limit=4');
    expect(first.body).toMatchObject({ total: 6, limit: 4, offset: 0, nextOffset: 4 });
    expect(codes(first.body)).toHaveLength(4);
    const second = await get('/v1/procedures?limit=4&offset=4');
    expect(second.body).toMatchObject({ total: 6, nextOffset: null });
    expect(codes(second.body)).toEqual(['1.004873', '1.004888']);

    expect(codes((await get('/v1/procedures?field=ho-tich')).body)).toEqual([
      '1.001193',
      '1.001193.LT',
      '1.004873',
    ]);
    expect(codes((await get('/v1/procedures?level=district')).body)).toEqual(['1.001612', '1.004888']);
    expect(codes((await get('/v1/procedures?agency=000.41.18.H56')).body)).toEqual(['1.004222']);
    expect(codes((await get('/v1/procedures?onlineLevel=3')).body)).toEqual(['1.004888']);
    expect(codes((await get('/v1/procedures?onlineLevel=full&level=commune&limit=1')).body)).toEqual([
      '1.001193',
    ]);
    expect(codes((await get(`/v1/procedures?q=${encodeURIComponent('hon nhan')}`)).body)).toEqual([
      '1.004873',
    ]);
    expect(codes((await get(`/v1/procedures?q=${encodeURIComponent('Đăng ký')}`)).body)).toEqual([
      '1.001193',
      '1.001193.LT',
      '1.001612',
      '1.004222',
    ]);

    const item = (all.body.items as Json[]).find((i) => i.code === '1.004873');
    expect(item).toMatchObject({
      version: 1,
      status: 'published',
      name: { vi: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
      agency: { code: '000.31.18.H56', level: 'commune' },
      onlineServiceLevel: 'full',
      statutoryDuration: { value: 3, unit: 'working-days' },
      committedDuration: { value: 1, unit: 'working-days' },
    });

    const tooMany = await get('/v1/procedures?limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.type).toContain('application/problem+json');
  });

  it('reports every error of a broken definition at once, with paths, from validate and from publish (422)', async () => {
    const broken = sample('marital-status-certificate.yaml')
      .replace("code: '1.004873'", "code: '1.999001'")
      .replace('target: verify-former-residence\n', 'target: verify-formr-residence\n')
      .replace('roles: [leader]', 'roles: [leader, chairman]')
      .replace(
        'committedDuration: { value: 1, unit: working-days }',
        'committedDuration: { value: 4, unit: working-days }',
      );
    const expectedPaths = [
      '/workflow/steps/0/transitions/0/target',
      '/workflow/steps/2/roles/1',
      '/committedDuration',
      '/workflow/steps/1',
    ];

    const validated = await call('POST', '/v1/procedures/validate', {
      yaml: broken,
      headers: COMMUNE_OFFICIAL,
    });
    expect(validated.status).toBe(200);
    expect(validated.body.valid).toBe(false);
    expect((validated.body.errors as Json[]).map((e) => e.path)).toEqual(
      expect.arrayContaining(expectedPaths),
    );
    expect(validated.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'unknown-target',
          line: expect.any(Number),
          message: expect.stringContaining('verify-formr-residence'),
          messageVi: expect.stringContaining('verify-formr-residence'),
        }),
      ]),
    );
    const asJson = await call('POST', '/v1/procedures/validate', {
      json: { code: '1.999001' },
      headers: COMMUNE_OFFICIAL,
    });
    expect(asJson.body.valid).toBe(false);
    expect((asJson.body.errors as Json[]).length).toBeGreaterThan(5);

    // A draft may be invalid; publishing it may not.
    const draft = await call('POST', '/v1/procedures/drafts', { yaml: broken, headers: COMMUNE_OFFICIAL });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ code: '1.999001', revision: 1, valid: false });
    const publish = await call('POST', '/v1/procedures/1.999001/publish', { headers: COMMUNE_OFFICIAL });
    expect(publish.status).toBe(422);
    expect(publish.type).toContain('application/problem+json');
    expect(publish.body).toMatchObject({
      type: expect.stringContaining('invalid-procedure-definition'),
      status: 422,
    });
    const errors = publish.body.errors as Json[];
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(expectedPaths));
    for (const e of errors) {
      expect(e).toEqual(
        expect.objectContaining({
          path: expect.any(String),
          message: expect.any(String),
          messageVi: expect.any(String),
        }),
      );
    }

    // A document without a usable code cannot even be stored: 422 with every error, the code's first.
    const noCode = await call('POST', '/v1/procedures/drafts', {
      yaml: broken.replace("code: '1.999001'", 'code: 1.999001'),
      headers: COMMUNE_OFFICIAL,
    });
    expect(noCode.status).toBe(422);
    expect((noCode.body.errors as Json[])[0]).toMatchObject({ path: '/code', line: expect.any(Number) });
    expect((noCode.body.errors as Json[]).length).toBeGreaterThanOrEqual(5);
  });

  it('publishes version 2 of the marital status certificate (1 → 0.5 days) while version 1 stays readable unchanged', async () => {
    const before = await eventually(
      () => get('/v1/procedures/1.004873/versions/1'),
      (r) => r.status === 200,
    );
    const v2text = sample('marital-status-certificate.yaml').replace(
      'committedDuration: { value: 1, unit: working-days }',
      'committedDuration: { value: 0.5, unit: working-days }',
    );
    const draft = await call('POST', '/v1/procedures/drafts', { yaml: v2text, headers: COMMUNE_OFFICIAL });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ code: '1.004873', valid: true });
    const published = await call('POST', '/v1/procedures/1.004873/publish', {
      json: { expectedRevision: draft.body.revision },
      headers: { ...COMMUNE_OFFICIAL, 'idempotency-key': 'publish-1.004873-v2' },
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ code: '1.004873', version: 2, alreadyPublished: false });
    // The same key again: the first answer, nothing new.
    const retried = await call('POST', '/v1/procedures/1.004873/publish', {
      json: { expectedRevision: draft.body.revision },
      headers: { ...COMMUNE_OFFICIAL, 'idempotency-key': 'publish-1.004873-v2' },
    });
    expect(retried.body).toEqual(published.body);

    const details = await eventually(
      () => get('/v1/procedures/1.004873'),
      (r) => r.body.current?.version === 2,
    );
    expect(
      (details.body.versions as Json[]).map((v) => [v.version, v.status, v.committedDuration.value]),
    ).toEqual([
      [1, 'superseded', 1],
      [2, 'published', 0.5],
    ]);
    const v1 = await get('/v1/procedures/1.004873/versions/1');
    expect(v1.body.definition).toEqual(before.body.definition);
    expect(v1.body.contentHash).toBe(before.body.contentHash);
    expect(v1.body.publishedAt).toBe(before.body.publishedAt);
    expect(v1.body.definition.committedDuration).toEqual({ value: 1, unit: 'working-days' });
    const v2 = await get('/v1/procedures/1.004873/versions/2');
    expect(v2.body.definition.committedDuration).toEqual({ value: 0.5, unit: 'working-days' });
    expect((await get('/v1/procedures/1.004873/versions/3')).status).toBe(404);
  });

  it('draws the workflow as SVG with the Vietnamese state names, and as Mermaid text', async () => {
    await eventually(
      () => get('/v1/procedures/1.004888'),
      (r) => r.status === 200,
    );
    const svg = await call('GET', '/v1/procedures/1.004888/versions/1/diagram.svg');
    expect(svg.status).toBe(200);
    expect(svg.type).toContain('image/svg+xml');
    expect(svg.text).toContain('<svg');
    expect(svg.text).toContain('Kiểm tra, tổng hợp hồ sơ của xã');
    expect(svg.text).toContain('Đã tiếp nhận (mẫu 01)');
    const mermaid = await call('GET', '/v1/procedures/1.004888/versions/1/diagram.mmd');
    expect(mermaid.status).toBe(200);
    expect(mermaid.text.startsWith('stateDiagram-v2\n')).toBe(true);
    const missing = await call('GET', '/v1/procedures/1.004888/versions/9/diagram.svg');
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
  });

  it('serves the JSON Schema of definitions', async () => {
    const schema = await get('/docs/procedure-definition.schema.json');
    expect(schema.status).toBe(200);
    expect(schema.type).toContain('application/schema+json');
    expect(schema.body).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:tthc-engine:procedure-definition:1',
      type: 'object',
    });
    const openApi = await get('/docs/openapi.json');
    expect(Object.keys(openApi.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/v1/procedures',
        '/v1/procedures/validate',
        '/v1/procedures/{code}/publish',
        '/v1/agencies',
        '/v1/administrative-units/{code}',
      ]),
    );
  });

  it('refuses an official of another agency (403) and unknown body members (400)', async () => {
    const changed = sample('business-household-registration.yaml').replace(
      'committedDuration: { value: 2, unit: working-days }',
      'committedDuration: { value: 1.5, unit: working-days }',
    );
    const draft = await call('POST', '/v1/procedures/drafts', { yaml: changed, headers: DISTRICT_OFFICIAL });
    expect(draft.status).toBe(201);

    const forbidden = await call('POST', '/v1/procedures/1.001612/publish', { headers: COMMUNE_OFFICIAL });
    expect(forbidden.status).toBe(403);
    expect(forbidden.type).toContain('application/problem+json');
    expect(forbidden.body).toMatchObject({ status: 403, agencyCode: '000.00.18.H56' });
    const anonymous = await call('POST', '/v1/procedures/1.001612/publish');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      status: 401,
      type: expect.stringContaining('authentication-required'),
    });

    const unknown = await call('POST', '/v1/procedures/1.001612/publish', {
      json: { expectedRevision: 1, force: true },
      headers: DISTRICT_OFFICIAL,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.type).toContain('application/problem+json');
    expect((unknown.body.errors as Json[]).map((e) => e.path)).toEqual(['/force']);
    const unknownAgency = await call('POST', '/v1/agencies', {
      json: {
        code: '000.50.63.H56',
        name: { vi: 'Thử', en: 'Test', fr: 'Essai' },
        level: 'commune',
        colour: 'red',
      },
      headers: ADMIN,
    });
    expect(unknownAgency.status).toBe(400);
    expect((unknownAgency.body.errors as Json[]).map((e) => e.path).sort()).toEqual(['/colour', '/name/fr']);

    const conflict = await call('POST', '/v1/procedures/drafts', {
      yaml: changed,
      headers: DISTRICT_OFFICIAL,
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      procedureStatus: 'published',
      allowedActions: ['update-draft', 'publish', 'retire'],
    });
  });

  it('keeps agencies and administrative units over time: before and after 1 July 2025', async () => {
    const before = await eventually(
      () => get('/v1/administrative-units?activeOn=2019-06-30'),
      (r) => r.body.total === 16,
    );
    expect((before.body.items as Json[]).slice(0, 2).map((u) => u.code)).toEqual(['56', '573']);
    const after = await get('/v1/administrative-units?activeOn=2025-07-01');
    expect(codes(after.body)).toEqual(['56', '22700', '22703', '22706', '22709', '22712']);

    const khanhTrung = await get('/v1/administrative-units/22606');
    expect(khanhTrung.body).toMatchObject({
      validTo: '2025-07-01',
      endReason: 'merged',
      parent: { code: '573' },
      successors: [{ code: '22706' }],
      current: { code: '22706', parentCode: '56' },
    });
    const merged = await get('/v1/administrative-units/22706');
    expect((merged.body.predecessors as Json[]).map((u) => u.code)).toEqual(['22606', '22612', '22627']);
    const district = await get('/v1/agencies/000.00.18.H56');
    expect(district.body).toMatchObject({
      code: '000.00.18.H56',
      validTo: '2025-07-01',
      current: { code: '000.00.00.H56' },
    });
    const communesToday = await get('/v1/agencies?level=commune&activeOn=2026-01-01&parent=000.00.00.H56');
    expect(codes(communesToday.body)).toEqual([
      '000.00.61.H56',
      '000.00.62.H56',
      '000.00.63.H56',
      '000.00.64.H56',
      '000.00.65.H56',
    ]);
    expect((await get('/v1/agencies?activeOn=2025-02-30')).status).toBe(400);
    const centre = await get('/v1/agencies/000.00.01.H56');
    expect(centre.body).toMatchObject({
      saturdayReception: true,
      officeHours: [{ from: '07:00' }, { to: '17:00' }],
    });

    const agency = {
      code: '000.20.63.H56',
      name: { vi: 'Trạm Y tế xã Trung Khánh Vĩnh', en: 'Trung Khánh Vĩnh Commune Health Station' },
      level: 'commune',
      parentCode: '000.00.63.H56',
      administrativeUnitCode: '22706',
      validFrom: '2025-07-01',
    };
    expect((await call('POST', '/v1/agencies', { json: agency, headers: COMMUNE_OFFICIAL })).status).toBe(
      403,
    );
    const registered = await call('POST', '/v1/agencies', { json: agency, headers: ADMIN });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ ...agency, status: 'active', defaultTripCostDays: 0.5 });
    expect((await call('POST', '/v1/agencies', { json: agency, headers: ADMIN })).status).toBe(409);
    await eventually(
      () => get('/v1/agencies/000.20.63.H56'),
      (r) => r.status === 200,
    );
  });

  it('retires a procedure once, and loads nothing twice after a restart', async () => {
    const retire = () =>
      call('POST', '/v1/procedures/1.004222/retire', {
        json: { reason: 'Thử nghiệm bãi bỏ' },
        headers: { ...ADMIN, 'idempotency-key': 'retire-1.004222' },
      });
    const first = await retire();
    expect(first.status).toBe(200);
    expect(await retire()).toMatchObject({ status: 200, body: first.body });
    const again = await call('POST', '/v1/procedures/1.004222/retire', { json: {}, headers: ADMIN });
    expect(again.status).toBe(409);
    await eventually(
      () => get('/v1/procedures?status=retired'),
      (r) => r.body.total === 1,
    );

    expect(await engine.stop()).toBe(0);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const marital = await eventually(
      () => get('/v1/procedures/1.004873'),
      (r) => r.status === 200,
    );
    // The sample still holds committed time 1; it was not published again over version 2.
    expect(marital.body.current).toMatchObject({ version: 2, committedDuration: { value: 0.5 } });
    expect((marital.body.versions as Json[]).length).toBe(2);
    const retired = await get('/v1/procedures/1.004222');
    expect(retired.body.current).toMatchObject({ version: 1, status: 'retired' });
    expect(engine.output()).not.toMatch(/not loaded/);
  });
});
