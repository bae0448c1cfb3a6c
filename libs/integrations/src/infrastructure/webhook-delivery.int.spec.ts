// Webhook delivery against real PostgreSQL and a real HTTP receiver: the projection queues one row per
// endpoint and event exactly once (redelivery and rebuild add nothing), the dispatcher sends signed
// CloudEvents in order per dossier, holds a dossier's later events while an earlier one fails, dead-letters
// after the retry window, replays, and signs with both secrets during a rotation.
import { randomUUID } from 'node:crypto';
import { catchUp, PostgresEventStore, rebuildProjection } from '@tthc/event-store';
import { loadConfig, type AppConfig, type RequestActor } from '@tthc/platform';
import { createTestDatabase, EVENT_STORE_MIGRATIONS, type TestDatabase } from '@tthc/testing';
import { DeadLetters } from '../application/dead-letters';
import { UnknownWebhookProcedure } from '../application/errors';
import { WebhookRegistrations } from '../application/webhook-registrations';
import { Webhooks1763780001000 } from './migrations/1763780001000-webhooks';
import { WebhookDeliveryProjection } from './webhook-delivery.projection';
import { WebhookDispatcher } from './webhook-dispatcher';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const PORTAL: RequestActor = { id: 'dvc-portal', role: 'integration' };
const ADMIN: RequestActor = { id: 'admin-an', role: 'administrator' };
const AGENCY = '000.31.18.H56';

describe('webhook delivery (PostgreSQL, HTTP)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let config: AppConfig;
  let registrations: WebhookRegistrations;
  let deadLetters: DeadLetters;
  let receiver: WebhookReceiver | undefined;
  const projection = new WebhookDeliveryProjection();

  beforeAll(async () => {
    db = await createTestDatabase([...EVENT_STORE_MIGRATIONS, Webhooks1763780001000]);
    store = new PostgresEventStore(db.dataSource);
    config = loadConfig({});
    config.webhooks = {
      ...config.webhooks,
      retryBaseMs: 20,
      retryMaxDelayMs: 50,
      retryWindowMs: 60_000,
      timeoutMs: 2000,
      secretGraceMs: 60_000,
    };
    registrations = new WebhookRegistrations(db.dataSource, config);
    deadLetters = new DeadLetters(db.dataSource);
    // Endpoints are registered for published procedures only: publish the ones these tests use.
    for (const code of [
      'P-ONCE',
      'P-MS',
      'P-ORDER',
      'P-SSRF',
      'P-SSRF-REG',
      'P-HOLD',
      'P-DEAD',
      'P-ROTATE',
    ]) {
      await store.append(`procedure-${code}`, 'procedure', 0, [
        { type: 'ProcedurePublished', data: { code, version: 1 }, metadata: {}, occurredAt: new Date() },
      ]);
    }
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const dispatcher = (overrides: Partial<AppConfig['webhooks']> = {}) =>
    new WebhookDispatcher(
      db.dataSource,
      { ...config.webhooks, ...overrides },
      { warn: () => {}, error: () => {} },
    );

  async function dossierEvents(procedureCode: string, types: string[]): Promise<string> {
    const id = randomUUID();
    await store.append(
      `dossier-${id}`,
      'dossier',
      0,
      types.map((type) => ({
        type,
        data: {
          dossierId: id,
          applicant: { name: 'Nguyễn Văn A', nationalId: '001090000123' },
          step: 'examine',
        },
        metadata: {
          agencyCode: AGENCY,
          procedureCode,
          actor: { id: 'officer-hoa', role: 'receiving-officer' },
        },
        occurredAt: new Date(),
      })),
    );
    return id;
  }

  /** Runs the dispatcher until the condition holds (or for `ms` when there is none). */
  async function drain(d: WebhookDispatcher, until?: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      await d.dispatchDue();
      if (until?.()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    if (until !== undefined) throw new Error('condition never held');
  }

  const rows = async (webhookId: string) =>
    (await db.dataSource.query(
      `SELECT stream_id, stream_version, status, attempts FROM webhook_deliveries WHERE subscription_id = $1
       ORDER BY stream_id, stream_version`,
      [webhookId],
    )) as { stream_id: string; stream_version: number; status: string; attempts: number }[];

  it('queues each matching event once per endpoint, even when events are applied again or rebuilt', async () => {
    const hook = await registrations.register(PORTAL, {
      url: 'http://127.0.0.1:9/none',
      procedureCode: 'P-ONCE',
    });
    const other = await registrations.register(PORTAL, {
      url: 'http://127.0.0.1:9/none',
      agencyCode: AGENCY,
      eventTypes: ['DossierReceived'],
    });
    await dossierEvents('P-ONCE', ['DossierSubmitted', 'DossierReceived', 'DossierTransferred']);
    await dossierEvents('P-OTHER', ['DossierSubmitted']);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 2);
    expect(await rows(hook.id)).toHaveLength(3);
    expect((await rows(other.id)).map((r) => r.stream_version)).toEqual([2]);
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 100 });
    expect(await rows(hook.id)).toHaveLength(3);
    await registrations.deactivate(PORTAL, hook.id);
    await registrations.deactivate(PORTAL, other.id);
  });

  it('queues an event for an endpoint registered less than a millisecond before it', async () => {
    const hook = await registrations.register(PORTAL, {
      url: 'http://127.0.0.1:9/none',
      procedureCode: 'P-MS',
    });
    const id = await dossierEvents('P-MS', ['DossierSubmitted']);
    // Registered one microsecond before the event was recorded: within its millisecond (unless the event
    // fell exactly on one, 1 in 1,000), where the events' times, held to the millisecond, look earlier.
    await db.dataSource.query(
      `UPDATE webhook_subscriptions SET created_at =
         (SELECT recorded_at FROM events WHERE stream_id = $2) - interval '1 microsecond' WHERE id = $1`,
      [hook.id, `dossier-${id}`],
    );
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    expect(await rows(hook.id)).toHaveLength(1);
    await registrations.deactivate(PORTAL, hook.id);
  });

  it('sends signed CloudEvents in order per dossier, without the applicant’s personal data', async () => {
    const secrets: string[] = [];
    receiver = await startWebhookReceiver({ secrets: () => (hook ? [hook.secret] : []) });
    const hook = await registrations.register(PORTAL, { url: receiver.url, procedureCode: 'P-ORDER' });
    secrets.push(hook.secret);
    const a = await dossierEvents('P-ORDER', ['DossierSubmitted', 'DossierReceived', 'DossierTransferred']);
    const b = await dossierEvents('P-ORDER', ['DossierSubmitted', 'ReceiptRefused']);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    const got = receiver;
    await drain(dispatcher(), () => got.received.length >= 5);
    expect(receiver.received.every((d) => d.verification.valid && d.answered === 204)).toBe(true);
    expect(receiver.received[0].contentType).toBe('application/cloudevents+json; charset=utf-8');
    const of = (id: string) =>
      receiver!.received.filter((d) => d.event?.subject === `dossier-${id}`).map((d) => d.event?.sequence);
    expect(of(a)).toEqual(['1', '2', '3']);
    expect(of(b)).toEqual(['1', '2']);
    const first = receiver.received.find((d) => d.event?.subject === `dossier-${a}`)!;
    expect(first.webhookId).toBe(first.event?.id);
    expect(first.event).toMatchObject({
      specversion: '1.0',
      type: 'vn.tthc.dossier.submitted.v1',
      source: `/tthc/agencies/${AGENCY}/procedures/P-ORDER`,
      data: {
        dossierId: a,
        eventType: 'DossierSubmitted',
        portalStatus: { code: '1', vi: 'Mới đăng ký', en: 'Newly submitted' },
      },
    });
    expect(first.body).not.toContain('001090000123');
    expect((await rows(hook.id)).every((r) => r.status === 'delivered')).toBe(true);
    await registrations.deactivate(PORTAL, hook.id);
  });

  it('refuses private targets where they are not allowed, by address and by a name resolving to one', async () => {
    receiver = await startWebhookReceiver({ secrets: () => [] });
    const byAddress = await registrations.register(PORTAL, { url: receiver.url, procedureCode: 'P-SSRF' });
    const byName = await registrations.register(PORTAL, {
      url: receiver.url.replace('127.0.0.1', 'localhost'),
      procedureCode: 'P-SSRF',
    });
    await dossierEvents('P-SSRF', ['DossierSubmitted']);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    const guarded = dispatcher({ allowPrivateTargets: false });
    for (let i = 0; i < 3; i++) await guarded.dispatchDue();
    expect(receiver.received).toEqual([]);
    const errors = (await db.dataSource.query(
      `SELECT subscription_id, last_error FROM webhook_deliveries WHERE subscription_id = ANY($1::uuid[])`,
      [[byAddress.id, byName.id]],
    )) as { subscription_id: string; last_error: string }[];
    expect(errors.map((e) => e.last_error).sort()).toEqual([
      expect.stringMatching(/^webhook target 127\.0\.0\.1 resolves to 127\.0\.0\.1, a non-public address/),
      expect.stringMatching(/^webhook target localhost resolves to .*, a non-public address/),
    ]);
    await registrations.deactivate(PORTAL, byAddress.id);
    await registrations.deactivate(PORTAL, byName.id);
  });

  it('refuses at registration a procedure that was never published, naming it (422), storing nothing', async () => {
    const refusal = registrations.register(PORTAL, {
      url: 'https://portal.example.vn/hook',
      procedureCode: '9.999999',
    });
    await expect(refusal).rejects.toBeInstanceOf(UnknownWebhookProcedure);
    await expect(refusal).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'unknown-procedure',
      procedureCode: '9.999999',
    });
    const [{ n }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_subscriptions WHERE procedure_code = '9.999999'`,
    )) as { n: number }[];
    expect(n).toBe(0);
  });

  it('refuses at registration a URL naming a private address where private targets are not allowed, storing nothing', async () => {
    const guarded = new WebhookRegistrations(db.dataSource, {
      ...config,
      webhooks: { ...config.webhooks, allowPrivateTargets: false },
    });
    await expect(
      guarded.register(PORTAL, {
        url: 'http://169.254.169.254/latest/meta-data',
        procedureCode: 'P-SSRF-REG',
      }),
    ).rejects.toMatchObject({
      name: 'InvalidWebhookRegistration',
      errors: [{ path: '/url', message: expect.stringContaining('169.254.169.254 is not a public address') }],
    });
    await expect(
      guarded.register(PORTAL, { url: 'http://localhost:4000/hook', procedureCode: 'P-SSRF-REG' }),
    ).rejects.toMatchObject({ name: 'InvalidWebhookRegistration' });
    const [{ n }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_subscriptions WHERE procedure_code = 'P-SSRF-REG'`,
    )) as { n: number }[];
    expect(n).toBe(0);
    // A name is left to the delivery guard, which judges the address it resolves to.
    const named = await guarded.register(PORTAL, {
      url: 'https://portal.example.vn/hook',
      procedureCode: 'P-SSRF-REG',
    });
    await registrations.deactivate(PORTAL, named.id);
  });

  it('holds a dossier’s next event while the previous one fails, without holding other dossiers', async () => {
    const secrets: string[] = [];
    let failing = true;
    receiver = await startWebhookReceiver({
      secrets: () => secrets,
      respondWith: (d) => (failing && d.event?.subject === `dossier-${held}` ? 500 : 200),
    });
    const hook = await registrations.register(PORTAL, { url: receiver.url, procedureCode: 'P-HOLD' });
    secrets.push(hook.secret);
    const held = await dossierEvents('P-HOLD', ['DossierSubmitted', 'DossierReceived']);
    const free = await dossierEvents('P-HOLD', ['DossierSubmitted', 'DossierReceived']);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    const d = dispatcher();
    const got = receiver;
    await drain(d, () => got.received.filter((x) => x.event?.subject === `dossier-${held}`).length >= 3);
    const heldSeen = receiver.received.filter((x) => x.event?.subject === `dossier-${held}`);
    expect(heldSeen.every((x) => x.event?.sequence === '1')).toBe(true);
    await drain(d, () => got.received.filter((x) => x.event?.subject === `dossier-${free}`).length >= 2);
    failing = false;
    await drain(d, () =>
      got.received.some((x) => x.event?.subject === `dossier-${held}` && x.event?.sequence === '2'),
    );
    const delivered = receiver.received
      .filter((x) => x.answered === 200 && x.event?.subject === `dossier-${held}`)
      .map((x) => x.event?.sequence);
    expect(delivered).toEqual(['1', '2']);
    const statuses = await rows(hook.id);
    expect(statuses.every((r) => r.status === 'delivered')).toBe(true);
    expect(
      statuses.find((r) => r.stream_id === `dossier-${held}` && r.stream_version === 1)!.attempts,
    ).toBeGreaterThan(2);
    await registrations.deactivate(PORTAL, hook.id);
  });

  it('dead-letters after the retry window, lets the next event go, and replays on request', async () => {
    const secrets: string[] = [];
    let up = false;
    receiver = await startWebhookReceiver({
      secrets: () => secrets,
      respondWith: () => (up ? 204 : 503),
    });
    const hook = await registrations.register(PORTAL, { url: receiver.url, procedureCode: 'P-DEAD' });
    secrets.push(hook.secret);
    const id = await dossierEvents('P-DEAD', ['DossierSubmitted', 'DossierReceived']);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    const d = dispatcher({ retryWindowMs: 300 });
    // Until both are dead-lettered (a fixed 1.5 s was too short on a busy machine), at most 20 s.
    let dead = await deadLetters.list(ADMIN, { webhookId: hook.id, limit: 10 });
    for (const deadline = Date.now() + 20_000; dead.length < 2 && Date.now() < deadline;) {
      await drain(d, undefined, 200);
      dead = await deadLetters.list(ADMIN, { webhookId: hook.id, limit: 10 });
    }
    expect(dead.map((x) => [x.dossierId, x.streamVersion, x.status, x.lastResponseStatus])).toEqual([
      [id, 2, 'dead', 503],
      [id, 1, 'dead', 503],
    ]);
    await expect(deadLetters.list(PORTAL, { limit: 10 })).rejects.toMatchObject({
      code: 'webhook-not-allowed',
    });
    const systemAdmin: RequestActor = { id: 'admin-binh', role: 'system-admin' };
    expect(await deadLetters.list(systemAdmin, { webhookId: hook.id, limit: 10 })).toHaveLength(2);
    up = true;
    const replayed = await deadLetters.replay(ADMIN, dead[1].id);
    expect(replayed).toMatchObject({ status: 'pending', replays: 1, attempts: 0 });
    await expect(deadLetters.replay(ADMIN, dead[1].id)).rejects.toMatchObject({
      code: 'webhook-delivery-not-dead-lettered',
    });
    const got = receiver;
    await drain(d, () => got.received.some((x) => x.answered === 204));
    expect(receiver.received.filter((x) => x.answered === 204).map((x) => x.event?.sequence)).toEqual(['1']);
    expect(
      (await deadLetters.list(ADMIN, { webhookId: hook.id, limit: 10 })).map((x) => x.streamVersion),
    ).toEqual([2]);
    await registrations.deactivate(PORTAL, hook.id);
  });

  it('signs with the old and the new secret during a rotation’s grace period', async () => {
    let secrets: string[] = [];
    receiver = await startWebhookReceiver({ secrets: () => secrets });
    const hook = await registrations.register(PORTAL, { url: receiver.url, procedureCode: 'P-ROTATE' });
    const rotated = await registrations.rotateSecret(PORTAL, hook.id);
    expect(rotated.secret).not.toBe(hook.secret);
    secrets = [hook.secret]; // a receiver that has not switched yet
    await dossierEvents('P-ROTATE', ['DossierSubmitted']);
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
    const got = receiver;
    await drain(dispatcher(), () => got.received.length >= 1);
    expect(receiver.received[0].verification.valid).toBe(true);
    expect(receiver.received[0].signature?.split(' ')).toHaveLength(2);
    expect((await registrations.get(PORTAL, hook.id)).previousSecretValidUntil).toBe(
      rotated.previousSecretValidUntil,
    );
    await expect(
      registrations.get({ id: 'other-portal', role: 'integration' }, hook.id),
    ).rejects.toMatchObject({
      code: 'webhook-not-found',
    });
    await registrations.deactivate(PORTAL, hook.id);
  });
});
