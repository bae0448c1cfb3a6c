// Credentials and hostile input against the built engine: integration API keys (created, listed without
// the key, kept only as a SHA-256, revoked at once), the sandbox key and the development token CLI, security
// headers, CORS by configuration, body size limits (per route), strict bodies and queries, bounded
// pagination, and rate limiting per client with a 429 problem document.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import {
  actorHeaders,
  createTestDatabase,
  runToExit,
  startEngine,
  type EngineProcess,
  type TestDatabase,
  scratchDirectory,
} from '@tthc/testing';
import sampleSubmission from '../dossiers/sample-submission.json';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const TOKEN_CLI = resolve(__dirname, '../../dist/apps/engine/src/cli/token.js');
const AGENCY = '000.31.18.H56';
const ADMIN = actorHeaders({ id: 'admin-lan', role: 'system-admin' });
const SPECIALIST = actorHeaders({ id: 'officer-tuan', role: 'specialist', agency: AGENCY });
const PORTAL = actorHeaders({ id: 'dvc-portal', role: 'integration' });
const ALLOWED_ORIGIN = 'https://portal.example.vn';

async function call(
  engine: EngineProcess,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; type: string; body: Json; headers: Headers }> {
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
    headers: res.headers,
  };
}

describe('credentials and hostile input (built engine)', () => {
  let db: TestDatabase;
  let engine: EngineProcess;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    dataDir = scratchDirectory('tthc-e2e-credentials-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      LOAD_SAMPLES: 'true',
      AUTH_DEMO_API_KEY: 'true',
      CORS_ORIGINS: ALLOWED_ORIGIN,
      BODY_LIMIT_BYTES: '65536',
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await engine?.stop();
    await db?.drop();
  });

  it('creates, lists and revokes integration API keys, keeping only their SHA-256', async () => {
    const created = await call(engine, 'POST', '/v1/api-keys', ADMIN, {
      integrationId: 'vnpost',
      name: 'Bưu điện, production',
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^tthc_[A-Za-z0-9_-]{43}$/);
    expect(created.body.apiKey).toMatchObject({
      integrationId: 'vnpost',
      revokedAt: null,
      createdBy: 'admin-lan',
    });

    const rows = (await db.dataSource.query('SELECT * FROM api_keys WHERE id = $1', [
      created.body.apiKey.id,
    ])) as Json[];
    expect(rows[0].key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(key);

    const listed = await call(engine, 'GET', '/v1/api-keys', ADMIN);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: created.body.apiKey.id, keyPrefix: key.slice(0, 10) }),
      ]),
    );

    // The key authenticates its integration: its webhooks, its dossiers.
    const asKey = await call(engine, 'GET', '/v1/webhooks', { 'x-api-key': key });
    expect(asKey.status).toBe(200);
    const submitted = await call(
      engine,
      'POST',
      '/v1/dossiers',
      { 'x-api-key': key, 'idempotency-key': randomUUID() },
      sampleSubmission,
    );
    expect(submitted.status).toBe(201);
    const own = await call(engine, 'GET', `/v1/dossiers/${submitted.body.dossierId}`, { 'x-api-key': key });
    expect(own.status).toBe(200);
    expect((await call(engine, 'GET', `/v1/dossiers/${submitted.body.dossierId}`, PORTAL)).status).toBe(404);

    const revoked = await call(engine, 'POST', `/v1/api-keys/${created.body.apiKey.id}/revoke`, ADMIN);
    expect(revoked.body).toMatchObject({ revokedBy: 'admin-lan', revokedAt: expect.any(String) });
    const refused = await call(engine, 'GET', '/v1/webhooks', { 'x-api-key': key });
    expect(refused).toMatchObject({
      status: 401,
      type: expect.stringContaining('application/problem+json'),
      body: { type: 'https://tthc-engine.dev/problems/invalid-credentials' },
    });
    expect((await call(engine, 'POST', '/v1/api-keys/no-such-key/revoke', ADMIN)).status).toBe(404);
    expect(
      (
        await call(engine, 'POST', '/v1/api-keys', ADMIN, {
          integrationId: 'x1',
          name: 'n',
          role: 'system-admin',
        })
      ).status,
    ).toBe(400);
  });

  it('prints development tokens and the sandbox API key the running engine accepts (npm run token)', async () => {
    const env = { ...process.env, DATA_DIR: dataDir };
    const token = execFileSync(process.execPath, [TOKEN_CLI, '--role', 'specialist', '--agency', AGENCY], {
      env,
      encoding: 'utf8',
    }).trim();
    const worklist = await call(engine, 'GET', `/v1/worklists?agency=${AGENCY}`, {
      authorization: `Bearer ${token}`,
    });
    expect(worklist.status).toBe(200);

    const demoKey = execFileSync(process.execPath, [TOKEN_CLI, '--api-key'], {
      env,
      encoding: 'utf8',
    }).trim();
    const asDemo = await call(engine, 'GET', '/v1/webhooks', { 'x-api-key': demoKey });
    expect(asDemo.status).toBe(200);

    const help = spawnSync(process.execPath, [TOKEN_CLI, '--help'], { env, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--role');
    const missingAgency = spawnSync(process.execPath, [TOKEN_CLI, '--role', 'specialist'], {
      env,
      encoding: 'utf8',
    });
    expect(missingAgency.status).toBe(2);
    expect(missingAgency.stderr).toContain('--agency is required');
  });

  it('sends security headers, and CORS only to configured origins', async () => {
    const health = await call(engine, 'GET', '/health/live');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(health.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(health.headers.get('strict-transport-security')).toContain('max-age=');

    const preflight = async (origin: string) =>
      fetch(`${engine.baseUrl}/v1/dossiers`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits body sizes (413), with a larger limit where it is legitimate (imports)', async () => {
    const big = { ...sampleSubmission, formData: { ...sampleSubmission.formData, note: 'x'.repeat(70_000) } };
    const tooLarge = await call(
      engine,
      'POST',
      '/v1/dossiers',
      { ...PORTAL, 'idempotency-key': randomUUID() },
      big,
    );
    expect(tooLarge).toMatchObject({
      status: 413,
      type: expect.stringContaining('application/problem+json'),
    });
    const ndjson = `${JSON.stringify({ externalId: 'big', note: 'x'.repeat(70_000) })}\n`;
    const imported = await call(
      engine,
      'POST',
      '/v1/imports?dryRun=true',
      ADMIN,
      ndjson,
      'application/x-ndjson',
    );
    expect(imported.status).not.toBe(413);
    expect(imported.status).toBeLessThan(500);
  });

  it('rejects unknown members and unbounded pages (400 naming them)', async () => {
    const cases: [string, string, Record<string, string>, unknown][] = [
      [
        'POST',
        '/v1/dossiers',
        { ...PORTAL, 'idempotency-key': randomUUID() },
        { ...sampleSubmission, isAdmin: true },
      ],
      ['POST', '/v1/api-keys', ADMIN, { integrationId: 'abc', name: 'n', isAdmin: true }],
      [
        'POST',
        '/v1/webhooks',
        PORTAL,
        { url: 'https://example.org/h', procedureCode: '1.004873', isAdmin: true },
      ],
      [
        'POST',
        '/v1/lookup',
        {},
        { code: `${AGENCY}-260101-0001`, verification: '0905123456', isAdmin: true },
      ],
      ['GET', `/v1/worklists?agency=${AGENCY}&isAdmin=1`, SPECIALIST, undefined],
    ];
    for (const [method, path, headers, body] of cases) {
      const answer = await call(engine, method, path, headers, body);
      expect({
        path,
        status: answer.status,
        paths: (answer.body.errors as Json[] | undefined)?.map((e) => e.path),
      }).toEqual({
        path,
        status: 400,
        paths: expect.arrayContaining(['/isAdmin']),
      });
    }
    for (const path of [
      `/v1/worklists?agency=${AGENCY}&limit=101`,
      '/v1/audit?limit=5000',
      '/v1/procedures?limit=1000',
    ]) {
      const answer = await call(engine, 'GET', path, path.startsWith('/v1/worklists') ? SPECIALIST : ADMIN);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
    }
  });

  it('refuses the NUL character anywhere in the input (PostgreSQL cannot store it) with a 400 naming it', async () => {
    const query = await call(engine, 'GET', '/v1/agencies?q=%00%C3%89x&activeOn=2025-07-01', ADMIN);
    expect(query).toMatchObject({
      status: 400,
      type: expect.stringContaining('application/problem+json'),
      body: { errors: [{ path: '/q', message: expect.stringContaining('NUL') }] },
    });
    // JSON.stringify writes the NUL as the escape \u0000, which the server's JSON parser turns back into U+0000.
    const withNul = {
      ...sampleSubmission,
      applicant: { ...sampleSubmission.applicant, name: 'Nguyễn\u0000Lan' },
    };
    const body = await call(
      engine,
      'POST',
      '/v1/dossiers',
      { ...PORTAL, 'idempotency-key': randomUUID() },
      withNul,
    );
    expect(body).toMatchObject({ status: 400, body: { errors: [{ path: '/applicant/name' }] } });
  });
});

/** Production with generated secrets, on a database that is not there (so nothing else can start). */
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
  PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
  DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none',
};

describe('authentication configuration', () => {
  it.each([
    [{ NODE_ENV: 'production' }, /AUTH_JWT_SECRET or AUTH_JWKS_URL must be set when NODE_ENV is production/],
    [{ AUTH_JWT_SECRET: 'replace-me' }, /AUTH_JWT_SECRET must be at least 32 characters \(got a value of 10/],
    [{ AUTH_JWKS_URL: 'https://id.example.vn/jwks.json' }, /AUTH_JWKS_ISSUER must be set with AUTH_JWKS_URL/],
    [{ CORS_ORIGINS: 'portal.example.vn' }, /CORS_ORIGINS must be \* or a comma-separated list/],
    [
      { ...PRODUCTION, AUTH_JWT_SECRET: 'a'.repeat(36) },
      /AUTH_JWT_SECRET is too weak for production: it is one character repeated/,
    ],
    [
      { ...PRODUCTION, PERSONAL_DATA_MASTER_KEY: Buffer.alloc(32).toString('base64') },
      /PERSONAL_DATA_MASTER_KEY is too weak for production: all its bytes are zero/,
    ],
    [
      { ...PRODUCTION, AUTH_JWT_SECRET: 'change-me-change-me-change-me-please!' },
      /AUTH_JWT_SECRET is too weak for production: .*placeholder word "changeme"/,
    ],
    [
      { DATABASE_URL: PRODUCTION.DATABASE_URL, TRUSTED_PROXIES: '0.0.0.0/0' },
      /TRUSTED_PROXIES has "0.0.0.0\/0", which would believe every client/,
    ],
  ])('stops with one line naming the key for %j', async (env, message) => {
    const { code, output } = await runToExit(env);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    // A secret is never repeated in the refusal, which reaches the logs.
    const given: Record<string, string> = env;
    for (const key of ['AUTH_JWT_SECRET', 'PERSONAL_DATA_MASTER_KEY']) {
      if (given[key]) expect(output).not.toContain(given[key]);
    }
  });
});

describe('rate limiting per client (built engine, RATE_LIMIT=5)', () => {
  let engine: EngineProcess;

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-throttle-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({
      DATA_DIR: dataDir,
      LOAD_SAMPLES: 'false',
      RATE_LIMIT: '5',
      LOOKUP_RATE_LIMIT: '2',
      RATE_LIMIT_WINDOW_MS: '60000',
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it('answers the sixth request of a client in the window with a 429 problem document, other clients still served', async () => {
    const path = `/v1/worklists?agency=${AGENCY}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(engine, 'GET', path, SPECIALIST)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await call(engine, 'GET', path, SPECIALIST);
    expect(limited).toMatchObject({
      status: 429,
      type: expect.stringContaining('application/problem+json'),
      body: { status: 429, type: 'https://tthc-engine.dev/problems/too-many-requests' },
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const another = actorHeaders({ id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY });
    expect((await call(engine, 'GET', path, another)).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await call(engine, 'GET', '/health/ready')).status).toBe(200);
  });

  it('limits the citizen lookup more strictly, per IP address', async () => {
    const lookup = () =>
      call(engine, 'POST', '/v1/lookup', {}, { code: `${AGENCY}-260101-0001`, verification: '0905123456' });
    expect((await lookup()).status).toBe(404);
    expect((await lookup()).status).toBe(404);
    expect((await lookup()).status).toBe(429);
  });

  it('limits an IP address that sends a made-up credential with every request (ten times the client limit)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push(
        (await call(engine, 'GET', '/v1/audit', { authorization: `Bearer made-up-${i}` })).status,
      );
    }
    // Each made-up token is a new client, but the address limit (50 here) still holds.
    const firstLimited = statuses.indexOf(429);
    expect(statuses[0]).toBe(401);
    expect(firstLimited).toBeGreaterThan(0);
    expect(firstLimited).toBeLessThanOrEqual(50);
    expect(statuses.slice(0, firstLimited).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
  });
});
