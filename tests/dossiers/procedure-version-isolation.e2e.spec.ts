// Publishing a new version of a procedure (the marital status certificate cut from 1 to 0.5 working
// days) applies to new dossiers only: a dossier already running keeps its version, its deadline and
// its workflow.
import { chmodSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  startEngine,
  waitForSamples,
  type EngineProcess,
  actorHeaders,
  scratchDirectory,
} from '@tthc/testing';
import { COUNTER, LEADER, PORTAL, SPECIALIST, submission, type Json } from './marital-status-fixtures';

const AGENCY_ADMIN = actorHeaders({ id: 'admin-1', role: 'agency-admin', agency: '000.31.18.H56' });

describe('a new procedure version and the dossiers already running', () => {
  let engine: EngineProcess;

  const call = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
    yaml = false,
  ) => {
    const res = await fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': yaml ? 'application/yaml' : 'application/json' }),
      },
      body: body === undefined ? undefined : yaml ? String(body) : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const submitAndReceive = async () => {
    const submitted = await call(
      'POST',
      '/v1/dossiers',
      { ...PORTAL, 'idempotency-key': randomUUID() },
      submission(),
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body.dossierId as string;
    const received = await call('POST', `/v1/dossiers/${id}/actions/receive`, COUNTER, {});
    expect(received.status).toBe(200);
    return { id, received: received.body };
  };

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-versions-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('keeps the running dossier on version 1 with its deadline, while a new dossier gets version 2', async () => {
    const running = await submitAndReceive();
    const before = await call('GET', `/v1/dossiers/${running.id}`, PORTAL);
    expect(before.body).toMatchObject({ procedureVersion: 1, dueAt: running.received.dueAt });

    const yaml = readFileSync(
      resolve(__dirname, '../../libs/procedures/samples/marital-status-certificate.yaml'),
      'utf8',
    ).replace(
      'committedDuration: { value: 1, unit: working-days }',
      'committedDuration: { value: 0.5, unit: working-days }',
    );
    const draft = await call('POST', '/v1/procedures/drafts', AGENCY_ADMIN, yaml, true);
    expect(draft.status).toBe(201);
    const published = await call('POST', '/v1/procedures/1.004873/publish', AGENCY_ADMIN, {
      expectedRevision: draft.body.revision,
    });
    expect(published.body).toMatchObject({ version: 2 });
    for (let i = 0; i < 100; i++) {
      if ((await call('GET', '/v1/procedures/1.004873', {})).body.current?.version === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const fresh = await submitAndReceive();
    const freshView = await call('GET', `/v1/dossiers/${fresh.id}`, PORTAL);
    expect(freshView.body.procedureVersion).toBe(2);
    // Received seconds apart, half a working day ends before one working day does.
    expect(Date.parse(fresh.received.dueAt as string)).toBeLessThan(
      Date.parse(running.received.dueAt as string),
    );

    // The running dossier goes on under version 1: same version, same deadline, same steps.
    for (const [action, headers, body] of [
      ['transfer', COUNTER, {}],
      ['hand-over', SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }],
      ['approve', LEADER, {}],
      ['issue-result', SPECIALIST, { electronic: true }],
    ] as const) {
      const answer = await call('POST', `/v1/dossiers/${running.id}/actions/${action}`, headers, body);
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
    }
    const after = await call('GET', `/v1/dossiers/${running.id}`, PORTAL);
    expect(after.body).toMatchObject({
      procedureVersion: 1,
      dueAt: running.received.dueAt,
      status: 'resolved',
    });
  });
});
