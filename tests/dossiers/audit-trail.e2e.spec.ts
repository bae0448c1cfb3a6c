// Audit (issue 8, item 6): every event records its actor and correlation id, and GET /v1/audit lets an
// administrator trace who did what on a dossier, in order, and find everything one request caused.
import { randomUUID } from 'node:crypto';
import {
  actorHeaders,
  createTestDatabase,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestDatabase,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { COUNTER, LEADER, PORTAL, SPECIALIST, submission, type Json } from './marital-status-fixtures';

const ADMINISTRATOR = actorHeaders({ id: 'admin-audit', role: 'system-admin' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the audit trail', () => {
  let db: TestDatabase;
  let engine: EngineProcess;

  const call = async (method: string, path: string, headers: Record<string, string>, json?: unknown) => {
    const res = await fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    engine = await startEngine({ DATABASE_URL: db.url, POLL_INTERVAL_MS: '100', LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
    await db?.drop();
  });

  it('traces who did what on a dossier, with the correlation id of each request', async () => {
    const request = (name: string) => `audit-${name}-${randomUUID()}`;
    const steps: [string, string, Record<string, string>, Json, string][] = [
      ['receive', 'DossierReceived', COUNTER, {}, 'officer-hoa'],
      ['transfer', 'DossierTransferred', COUNTER, {}, 'officer-hoa'],
      ['hand-over', 'DossierHandedOver', SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }, 'officer-tuan'],
      ['approve', 'DossierApproved', LEADER, {}, 'chair-son'],
    ];
    const submitId = request('submit');
    const submitted = await call(
      'POST',
      '/v1/dossiers',
      { ...PORTAL, 'idempotency-key': randomUUID(), 'x-request-id': submitId },
      submission(),
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body.dossierId as string;
    const expected = [{ eventType: 'DossierSubmitted', actorId: 'dvc-portal', correlationId: submitId }];
    for (const [action, eventType, headers, json, actorId] of steps) {
      const correlationId = request(action);
      const answer = await call(
        'POST',
        `/v1/dossiers/${id}/actions/${action}`,
        { ...headers, 'x-request-id': correlationId },
        json,
      );
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
      expected.push({ eventType, actorId, correlationId });
    }

    // The log itself: every event of the dossier carries an actor and a correlation id.
    const missing = (await db.dataSource.query(
      `SELECT event_type FROM events WHERE stream_id = $1
         AND (metadata->'actor'->>'id' IS NULL OR metadata->'actor'->>'role' IS NULL OR metadata->>'correlationId' IS NULL)`,
      [`dossier-${id}`],
    )) as unknown[];
    expect(missing).toEqual([]);

    // The administrator's trace, from the audit-trail read model (it may lag by a moment).
    let items: Json[] = [];
    for (let i = 0; i < 100 && items.length < expected.length; i++) {
      const page = await call('GET', `/v1/audit?streamId=dossier-${id}&limit=50`, ADMINISTRATOR);
      expect(page.status).toBe(200);
      items = page.body.items as Json[];
      if (items.length < expected.length) await sleep(100);
    }
    expect(
      items.map((item) => ({
        eventType: item.eventType,
        actorId: item.actorId,
        correlationId: item.correlationId,
      })),
    ).toEqual(expected);
    expect(items.map((item) => item.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    for (const item of items) {
      expect(item.actorRole).toEqual(expect.any(String));
      expect(item.occurredAt).toEqual(expect.any(String));
    }
    // Everything one request caused, and everything one official did.
    const approval = expected[expected.length - 1]!;
    const byRequest = await call('GET', `/v1/audit?correlationId=${approval.correlationId}`, ADMINISTRATOR);
    expect((byRequest.body.items as Json[]).map((item) => item.eventType)).toEqual(['DossierApproved']);
    const byActor = await call('GET', `/v1/audit?actorId=officer-hoa&streamId=dossier-${id}`, ADMINISTRATOR);
    expect((byActor.body.items as Json[]).map((item) => item.eventType)).toEqual([
      'DossierReceived',
      'DossierTransferred',
    ]);
  });
});
