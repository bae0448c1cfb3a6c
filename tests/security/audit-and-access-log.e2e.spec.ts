// Traceability (built engine): every request without an X-Request-Id gets a random UUID as its correlation id,
// so that the audit trail never mixes requests of two runs of the engine (Fastify's default was a counter,
// req-1, req-2, … again after every restart); and every request leaves one access line in the log (route
// pattern, status, duration, actor) that holds no personal data and no query-string value.
import { randomUUID } from 'node:crypto';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import {
  actorHeaders,
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
const SPECIALIST: TestActor = { id: 'officer-tuan', role: 'specialist', agency: AGENCY };
const ADMIN: TestActor = { id: 'admin-lan', role: 'system-admin' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** What the lookup asks with: a dossier code and the applicant's phone number. Neither may reach the log. */
const DOSSIER_CODE = '000.31.18.H56-260101-0042';
const PHONE = '0905777123';

describe('correlation ids and access lines (built engine)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** Submits the sample application without X-Request-Id; the correlation id its event was recorded with. */
  async function submitAndReadCorrelationId(engine: EngineProcess): Promise<string> {
    const res = await fetch(`${engine.baseUrl}/v1/dossiers`, {
      method: 'POST',
      headers: {
        ...actorHeaders(PORTAL),
        'idempotency-key': randomUUID(),
        'content-type': 'application/json',
      },
      body: JSON.stringify(sampleSubmission),
    });
    expect(res.status).toBe(201);
    const { dossierId } = (await res.json()) as { dossierId: string };
    for (let i = 0; i < 100; i++) {
      const page = (await (
        await fetch(`${engine.baseUrl}/v1/audit?streamId=dossier-${dossierId}`, {
          headers: actorHeaders(ADMIN),
        })
      ).json()) as { items: { correlationId: string | null }[] };
      if (page.items.length > 0) return page.items[0].correlationId ?? '';
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the submission never reached the audit trail');
  }

  it('gives requests without X-Request-Id a random UUID, different across two starts of the engine', async () => {
    const env = { DATABASE_URL: db.url, LOAD_SAMPLES: 'true', LOG_LEVEL: 'warn' };
    const ids: string[] = [];
    for (let run = 0; run < 2; run++) {
      const engine = await startEngine(env);
      try {
        await waitForSamples(engine.baseUrl);
        ids.push(await submitAndReadCorrelationId(engine));
      } finally {
        await engine.stop();
      }
    }
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('writes one access line per request: route pattern, status, duration, actor; no personal data, no query values', async () => {
    const engine = await startEngine({ DATABASE_URL: db.url, LOAD_SAMPLES: 'false', LOG_LEVEL: 'info' });
    try {
      const given = 'audit-check-7c1e';
      const lookups = [
        fetch(`${engine.baseUrl}/v1/lookup?code=${DOSSIER_CODE}&verification=${PHONE}`, {
          headers: { 'x-request-id': given },
        }),
        fetch(`${engine.baseUrl}/v1/lookup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: DOSSIER_CODE, verification: PHONE }),
        }),
        fetch(`${engine.baseUrl}/v1/worklists?agency=${AGENCY}&view=due-today`, {
          headers: actorHeaders(SPECIALIST),
        }),
      ];
      for (const answer of await Promise.all(lookups)) await answer.arrayBuffer();

      let lines: Json[] = [];
      for (let i = 0; i < 50 && lines.length < 3; i++) {
        await new Promise((r) => setTimeout(r, 100));
        lines = engine
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Json)
          .filter((line) => line.msg === 'request completed' && String(line.route).match(/lookup|worklists/));
      }
      const byRoute = (method: string, route: string) =>
        lines.filter((line) => line.method === method && line.route === route);
      expect(byRoute('GET', '/v1/lookup')).toEqual([
        expect.objectContaining({
          reqId: given,
          status: 404,
          actorId: 'anonymous',
          durationMs: expect.any(Number),
        }),
      ]);
      expect(byRoute('POST', '/v1/lookup')).toEqual([
        expect.objectContaining({ reqId: expect.stringMatching(UUID), status: 404, actorId: 'anonymous' }),
      ]);
      expect(byRoute('GET', '/v1/worklists')).toEqual([
        expect.objectContaining({ status: 200, actorId: 'officer-tuan', actorRole: 'specialist' }),
      ]);
      for (const line of lines) {
        expect(Object.keys(line).sort()).toEqual(
          [
            'actorId',
            'actorRole',
            'durationMs',
            'hostname',
            'level',
            'method',
            'msg',
            'pid',
            'reqId',
            'route',
            'status',
            'time',
          ].sort(),
        );
      }
      const output = engine.output();
      for (const value of [PHONE, DOSSIER_CODE, 'due-today', 'verification='])
        expect(output).not.toContain(value);
    } finally {
      await engine.stop();
    }
  });
});
