// The client contract: the typed TypeScript client generated from the engine's OpenAPI document
// (npm run client:generate → libs/integrations/client/generated) drives the whole level-4 flow of a
// full-online marital status certificate against a started engine: submit online, receive, the
// definition's steps, approval, the result issued electronically and returned online, then read back.
// The document it was generated from must be the one the engine serves, and every operation of that
// document documents its error responses as problem documents.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { createClient, createConfig, type Client } from '../../libs/integrations/client/generated/client';
import {
  dossierActionsControllerApprove,
  dossierActionsControllerHandOver,
  dossierActionsControllerIssueResult,
  dossierActionsControllerReceive,
  dossierActionsControllerReturnResult,
  dossierActionsControllerTransfer,
  dossiersControllerById,
  dossiersControllerSubmit,
  webhooksControllerRegister,
  type DossierActionResultDto,
  type SubmitDossierDto,
} from '../../libs/integrations/client/generated';
import { startWebhookReceiver, type WebhookReceiver } from '@tthc/integrations';
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
import { eventually } from './webhook-flow';

const AGENCY = '000.31.18.H56';
const GENERATED_FROM = resolve(__dirname, '../../libs/integrations/client/openapi.json');

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('client contract (generated TypeScript client, started engine)', () => {
  let db: TestDatabase;
  let engine: EngineProcess;
  let receiver: WebhookReceiver;
  const clientFor = (actor: TestActor): Client =>
    createClient(createConfig({ baseUrl: engine.baseUrl, headers: actorHeaders(actor) }));

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    engine = await startEngine({ DATABASE_URL: db.url, LOG_LEVEL: 'warn', WEBHOOK_POLL_INTERVAL_MS: '100' });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
    await receiver?.close();
    await db?.drop();
  });

  it('was generated from the document the engine serves (else: npm run build && npm run client:generate)', async () => {
    const served = (await (await fetch(`${engine.baseUrl}/docs/openapi.json`)).json()) as unknown;
    expect(served).toEqual(JSON.parse(readFileSync(GENERATED_FROM, 'utf8')));
  });

  it('documents the error responses of every operation as problem documents', async () => {
    const served = (await (await fetch(`${engine.baseUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const gaps: string[] = [];
    for (const [path, operations] of Object.entries(served.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        const codes = Object.keys(op.responses);
        const takesInput =
          (op.parameters ?? []).some((p) => p.in !== 'header') || op.requestBody !== undefined;
        // Path and query parameters and bodies are validated: a malformed one is answered 400.
        if (takesInput && !codes.includes('400')) gaps.push(`${name}: no 400`);
        for (const code of codes.filter((c) => Number(c) >= 400)) {
          const schema = Object.values(op.responses[code].content ?? {})[0]?.schema;
          if (schema === undefined) gaps.push(`${name}: ${code} has no problem schema`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('drives the level-4 flow: submit online, receive, steps, approve, issue electronically, return online', async () => {
    const portal = clientFor({ id: 'dvc-portal', role: 'integration' });
    const counter = clientFor({ id: 'officer-hoa', role: 'receiving-officer', agency: AGENCY });
    const specialist = clientFor({ id: 'officer-tuan', role: 'specialist', agency: AGENCY });
    const leader = clientFor({ id: 'chair-son', role: 'leader', agency: AGENCY });

    // The portal follows its dossiers by webhook, registered through the same client.
    const secrets: string[] = [];
    receiver = await startWebhookReceiver({ secrets: () => secrets });
    const hook = await webhooksControllerRegister({
      client: portal,
      body: {
        url: receiver.url,
        procedureCode: '1.004873',
        eventTypes: ['DossierReceived', 'ResultReturned'],
      },
    });
    expect(hook.response.status).toBe(201);
    secrets.push(hook.data!.secret);

    const body = sampleSubmission as SubmitDossierDto;
    const submitted = await dossiersControllerSubmit({
      client: portal,
      body,
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(submitted.error).toBeUndefined();
    expect(submitted.data).toMatchObject({ status: 'submitted', events: ['DossierSubmitted'] });
    const id = submitted.data!.dossierId;
    const path = { id };

    const early = await dossierActionsControllerApprove({ client: leader, path, body: {} });
    expect(early.response.status).toBe(409);
    expect(early.error).toMatchObject({ state: 'submitted', action: 'APPROVE' });

    const steps: [string, () => Promise<{ data?: DossierActionResultDto; error?: unknown }>, string][] = [
      ['receive', () => dossierActionsControllerReceive({ client: counter, path, body: {} }), 'received'],
      [
        'transfer',
        () => dossierActionsControllerTransfer({ client: counter, path, body: {} }),
        'examine.active',
      ],
      [
        'hand-over',
        () =>
          dossierActionsControllerHandOver({
            client: specialist,
            path,
            body: { event: 'SUBMIT_FOR_SIGNATURE' },
          }),
        'sign.active',
      ],
      ['approve', () => dossierActionsControllerApprove({ client: leader, path, body: {} }), 'approved'],
      [
        'issue-result',
        () => dossierActionsControllerIssueResult({ client: specialist, path, body: { electronic: true } }),
        'result-ready',
      ],
      [
        'return-result',
        () => dossierActionsControllerReturnResult({ client: counter, path, body: { method: 'online' } }),
        'returned',
      ],
    ];
    for (const [action, run, state] of steps) {
      const answer = await run();
      expect({ action, error: answer.error, state: answer.data?.workflowState }).toEqual({
        action,
        error: undefined,
        state,
      });
    }

    const read = await dossiersControllerById({ client: counter, path });
    expect(read.data).toMatchObject({ status: 'closed', outcome: 'returned', onlineLevel: 'full' });
    expect(read.data!.code).toMatch(/^000\.31\.18\.H56-\d{6}-\d{4}$/);

    await eventually(() => receiver.received.length >= 2, 20_000, 'the portal’s webhooks');
    expect(
      receiver.received.map((d) => [
        d.verification.valid,
        (d.event?.data as { portalStatus: { code: string } }).portalStatus.code,
      ]),
    ).toEqual([
      [true, '2'],
      [true, '10'],
    ]);
  });
});
