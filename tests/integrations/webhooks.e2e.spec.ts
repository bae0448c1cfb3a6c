// Webhooks through the built engine (npm run build first), as an integrator sees them: a local receiver
// verifies every delivery's signature. Three receivers: one that answers 500 for a while and recovers,
// one that is gone for good (its deliveries end in the dead-letter list, and a replay brings them once it
// is back), and one that keeps receiving while the engine is SIGKILLed with deliveries pending.
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { startWebhookReceiver, type WebhookReceiver } from '@tthc/integrations';
import {
  actorHeaders,
  createTestDatabase,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestDatabase,
} from '@tthc/testing';
import { PORTAL } from '../dossiers/marital-status-fixtures';
import {
  acceptedSequences,
  ADMIN,
  call,
  eventually,
  inOrderAtLeastOnce,
  registerWebhook,
  walkDossier,
} from './webhook-flow';

const RETRY_WINDOW_MS = 8000;

describe('webhooks (built engine, real receiver)', () => {
  let db: TestDatabase;
  let engine: EngineProcess | undefined;
  const receivers: WebhookReceiver[] = [];
  const env = () => ({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    POLL_INTERVAL_MS: '100',
    WEBHOOK_POLL_INTERVAL_MS: '100',
    WEBHOOK_RETRY_BASE_MS: '100',
    WEBHOOK_RETRY_MAX_DELAY_MS: '400',
    WEBHOOK_RETRY_WINDOW_MS: String(RETRY_WINDOW_MS),
    WEBHOOK_TIMEOUT_MS: '1000',
  });
  const receiver = async (options: Parameters<typeof startWebhookReceiver>[0]) => {
    const r = await startWebhookReceiver(options);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    engine = await startEngine(env());
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
    for (const r of receivers) await r.close();
    await db?.drop();
  });

  it('lets only integrations and administrators register, and an integration see only its own', async () => {
    const base = engine!.baseUrl;
    const citizen = await call(
      base,
      'POST',
      '/v1/webhooks',
      actorHeaders({ id: 'citizen-lan', role: 'citizen' }),
      {
        url: 'http://127.0.0.1:9/x',
        procedureCode: '1.004873',
      },
    );
    expect(citizen.status).toBe(403);
    const invalid = await call(base, 'POST', '/v1/webhooks', PORTAL, {
      url: 'ftp://example.vn/x',
      eventTypes: ['NoSuchEvent'],
      extra: 1,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.type).toBe('https://tthc-engine.dev/problems/validation-failed');
    const noFilter = await call(base, 'POST', '/v1/webhooks', PORTAL, { url: 'http://127.0.0.1:9/x' });
    expect(noFilter.body.errors).toEqual([{ path: '/procedureCode', message: expect.any(String) }]);
    const mine = await registerWebhook(base, 'http://127.0.0.1:9/x');
    const other = actorHeaders({ id: 'other-portal', role: 'integration' });
    expect((await call(base, 'GET', `/v1/webhooks/${mine.id}`, other)).status).toBe(404);
    expect((await call(base, 'GET', '/v1/webhooks', ADMIN)).body.map((w) => w.id)).toContain(mine.id);
    expect((await call(base, 'GET', '/v1/webhooks/dead-letters', PORTAL)).status).toBe(403);
    expect((await call(base, 'DELETE', `/v1/webhooks/${mine.id}`, PORTAL)).status).toBe(204);
  });

  it('delivers every event, in order, once a receiver that answered 500 for a while recovers', async () => {
    const base = engine!.baseUrl;
    const secrets: string[] = [];
    // Down for the first six attempts and at least 1.5 s after the first one, then up for good.
    let failures = 0;
    let firstAttemptAt: number | undefined;
    const r = await receiver({
      secrets: () => secrets,
      respondWith: () => {
        firstAttemptAt ??= Date.now();
        if (failures < 6 || Date.now() - firstAttemptAt < 1500) {
          failures++;
          return 500;
        }
        return 204;
      },
    });
    const hook = await registerWebhook(base, r.url);
    secrets.push(hook.secret);
    const dossiers = [await walkDossier(base), await walkDossier(base)];
    await eventually(
      () => dossiers.every((d) => new Set(acceptedSequences(r, d.id)).size === d.version),
      30_000,
      'every event at the recovered receiver',
    );
    expect(r.received.filter((d) => d.answered === 500).length).toBeGreaterThanOrEqual(6);
    expect(r.received.every((d) => d.verification.valid)).toBe(true);
    for (const d of dossiers) expect(inOrderAtLeastOnce(acceptedSequences(r, d.id), d.version)).toBe(true);
    const first = r.received.find((d) => d.answered === 204 && d.event?.sequence === '1')!;
    expect(first.event).toMatchObject({
      type: 'vn.tthc.dossier.submitted.v1',
      data: { portalStatus: { code: '1' }, procedureCode: '1.004873' },
    });
    const returned = r.received.find((d) => d.event?.type === 'vn.tthc.dossier.result-returned.v1')!;
    expect(returned.event).toMatchObject({ data: { portalStatus: { code: '10', vi: 'Đã trả kết quả' } } });
    expect((await call(base, 'DELETE', `/v1/webhooks/${hook.id}`, PORTAL)).status).toBe(204);
  });

  it('dead-letters what a receiver gone for good never took, and a replay delivers it once it is back', async () => {
    const base = engine!.baseUrl;
    const secrets: string[] = [];
    const gone = await startWebhookReceiver({ secrets: () => secrets });
    const port = gone.port;
    const hook = await registerWebhook(base, gone.url);
    secrets.push(hook.secret);
    await gone.close();
    const dossier = await walkDossier(base);
    let dead: Record<string, unknown>[] = [];
    await eventually(
      async () => {
        const answer = await call(base, 'GET', `/v1/webhooks/dead-letters?webhookId=${hook.id}`, ADMIN);
        dead = answer.body;
        return dead.length === dossier.version;
      },
      RETRY_WINDOW_MS + 20_000,
      'the dead-letter list',
    );
    expect(dead.every((d) => d.status === 'dead' && (d.attempts as number) >= 1 && d.lastError)).toBe(true);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(`tthc_webhook_deliveries{status="dead"} ${dossier.version}`);
    expect(metrics).toMatch(/tthc_webhook_oldest_pending_seconds \d/);

    const back = await receiver({ secrets: () => secrets, port });
    for (const d of [...dead].sort((a, b) => (a.streamVersion as number) - (b.streamVersion as number))) {
      const replay = await call(base, 'POST', `/v1/webhooks/dead-letters/${d.id as string}/replay`, ADMIN);
      expect(replay.status).toBe(202);
    }
    await eventually(
      () => new Set(acceptedSequences(back, dossier.id)).size === dossier.version,
      30_000,
      'the replayed deliveries',
    );
    expect(inOrderAtLeastOnce(acceptedSequences(back, dossier.id), dossier.version)).toBe(true);
    expect(back.received.every((d) => d.verification.valid)).toBe(true);
    const again = await call(base, 'GET', `/v1/webhooks/dead-letters?webhookId=${hook.id}`, ADMIN);
    expect(again.body).toEqual([]);
    await call(base, 'DELETE', `/v1/webhooks/${hook.id}`, PORTAL);
  });

  it('after a SIGKILL with deliveries pending and a restart, the receiver has every event, in order, signed', async () => {
    let accepting = false;
    const secrets: string[] = [];
    // A slow receiver (150 ms an answer), so that the kill finds deliveries queued and in flight.
    const r = await receiver({
      secrets: () => secrets,
      respondWith: () => (accepting ? 204 : 500),
      respondAfterMs: () => 150,
    });
    const hook = await registerWebhook(engine!.baseUrl, r.url);
    secrets.push(hook.secret);
    const dossiers: { id: string; version: number }[] = [];
    for (let i = 0; i < 3; i++) dossiers.push(await walkDossier(engine!.baseUrl));
    await eventually(() => r.received.length > 0, 10_000, 'the first attempt');
    // Accept from now on and kill the engine as soon as the first deliveries got through: the rest is
    // pending, some of it possibly in flight.
    accepting = true;
    await eventually(
      () => r.received.filter((d) => d.answered === 204).length >= 2,
      10_000,
      'two deliveries',
    );
    await engine!.kill();
    const beforeRestart = r.received.filter((d) => d.answered === 204).length;
    const total = dossiers.reduce((n, d) => n + d.version, 0);
    expect(beforeRestart).toBeLessThan(total);

    engine = await startEngine(env());
    await eventually(
      () => dossiers.every((d) => new Set(acceptedSequences(r, d.id)).size === d.version),
      60_000,
      'every event after the restart',
    );
    expect(r.received.every((d) => d.verification.valid)).toBe(true);
    for (const d of dossiers) expect(inOrderAtLeastOnce(acceptedSequences(r, d.id), d.version)).toBe(true);
  });
});
