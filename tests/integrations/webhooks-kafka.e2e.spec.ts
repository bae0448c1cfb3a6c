// Webhooks in Kafka mode (npm run build first): the api process (commands, relay) and the projector
// (projections from Kafka consumer groups, webhook deliveries among them) run apart, as in deploy/. A
// receiver gets every event of a walked dossier, in order and signed, although no process reads the
// PostgreSQL log for projections.
import { randomUUID } from 'node:crypto';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { startWebhookReceiver, type WebhookReceiver } from '@tthc/integrations';
import {
  createTestDatabase,
  describeWithKafka,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestDatabase,
} from '@tthc/testing';
import { PORTAL } from '../dossiers/marital-status-fixtures';
import {
  acceptedSequences,
  call,
  eventually,
  inOrderAtLeastOnce,
  registerWebhook,
  walkDossier,
} from './webhook-flow';

describeWithKafka('webhooks in Kafka mode (api and projector apart)', (brokers) => {
  let db: TestDatabase;
  const processes: EngineProcess[] = [];
  let receiver: WebhookReceiver | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
  });
  afterAll(async () => {
    for (const p of processes) await p.stop().catch(() => undefined);
    await receiver?.close();
    await db?.drop();
  });

  it('delivers every event of a dossier, in order and signed, from the projector', async () => {
    const prefix = `hooks${randomUUID().slice(0, 8)}`;
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '2',
      KAFKA_CONSUMER_GROUP: `${prefix}-projector`,
      POLL_INTERVAL_MS: '100',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      WEBHOOK_RETRY_BASE_MS: '100',
      LOG_LEVEL: 'warn',
    };
    // The api process loads the sample procedures (the embedded engine's default); the projector projects them.
    const api = await startEngine({ ...env, LOAD_SAMPLES: 'true' }, 'api');
    processes.push(api);
    processes.push(await startEngine(env, 'projector'));
    await waitForSamples(api.baseUrl);

    const secrets: string[] = [];
    receiver = await startWebhookReceiver({ secrets: () => secrets });
    const hook = await registerWebhook(api.baseUrl, receiver.url);
    secrets.push(hook.secret);
    const dossier = await walkDossier(api.baseUrl);
    const r = receiver;
    await eventually(
      () => new Set(acceptedSequences(r, dossier.id)).size === dossier.version,
      60_000,
      'every event of the dossier at the receiver',
    );
    expect(inOrderAtLeastOnce(acceptedSequences(r, dossier.id), dossier.version)).toBe(true);
    expect(r.received.every((d) => d.verification.valid)).toBe(true);
    expect(r.received.find((d) => d.event?.sequence === '1')?.event).toMatchObject({
      type: 'vn.tthc.dossier.submitted.v1',
      data: { procedureCode: '1.004873' },
    });
    expect((await call(api.baseUrl, 'DELETE', `/v1/webhooks/${hook.id}`, PORTAL)).status).toBe(204);
  });
});
