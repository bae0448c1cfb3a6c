// Personal data end to end, in Kafka mode: what a submission leaves in the events table, the read model,
// the Kafka topic and the logs (no clear national ID, phone, e-mail or name), who reads it in full, and what
// an erasure (crypto-shredding) leaves: the applicant reads as erased everywhere, the lookup stops
// matching, and every non-personal fact statistics use (procedure, agency, channel, dates) is unchanged.
import { chmodSync } from 'node:fs';
import { randomInt, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  actorHeaders,
  createTestDatabase,
  describeWithKafka,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestDatabase,
  scratchDirectory,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { AGENCY, COUNTER, PORTAL, submission, type Json } from './marital-status-fixtures';

const DATA_PROTECTION_OFFICER = actorHeaders({ id: 'dpo-ha', role: 'system-admin' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithKafka('personal data: sealed at rest and on the wire, masked on read, erasable', (brokers) => {
  let db: TestDatabase;
  let engine: EngineProcess;
  const prefix = `pii${randomUUID().slice(0, 8)}`;
  // A national ID and phone number no other test uses, so "absent" means absent.
  const nationalId = `0${String(randomInt(10 ** 10, 10 ** 11 - 1))}`;
  const phone = `09${String(randomInt(10 ** 7, 10 ** 8 - 1))}`;
  const email = `pii.${prefix}@example.vn`;
  const name = `Phạm Thị ${prefix}`;
  const secrets = [nationalId, phone, email, prefix];

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
    const dataDir = scratchDirectory('tthc-e2e-pii-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_CONSUMER_GROUP: `${prefix}-projector`,
      KAFKA_TOPIC_PARTITIONS: '2',
      POLL_INTERVAL_MS: '200',
      // Request logs on, so that the check below sees what an operator's log would hold.
      LOG_LEVEL: 'info',
    });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
    await db?.drop();
  });

  it('keeps the applicant out of events, read models, Kafka and logs, and erases them by destroying the key', async () => {
    const body = submission();
    body.applicant = {
      name,
      nationalId,
      phone,
      email,
      address: 'Thôn Suối Cá, xã Khánh Trung, tỉnh Khánh Hòa',
    };
    body.formData.applicant.personalId = nationalId;
    body.formData.applicant.fullName = name;
    const submitted = await call(
      'POST',
      '/v1/dossiers',
      { ...PORTAL, 'idempotency-key': randomUUID() },
      body,
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body.dossierId as string;
    const received = await call('POST', `/v1/dossiers/${id}/actions/receive`, COUNTER, {});
    expect(received.status).toBe(200);
    const code = received.body.code as string;

    // At rest: the events table and the read model hold the sealed form only.
    const events = (await db.dataSource.query(
      'SELECT event_type, data::text AS data FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [`dossier-${id}`],
    )) as { event_type: string; data: string }[];
    expect(events.map((e) => e.event_type)).toEqual(['DossierSubmitted', 'DossierReceived']);
    for (const secret of secrets) expect(events.map((e) => e.data).join('\n')).not.toContain(secret);
    expect(JSON.parse(events[0]!.data)).toMatchObject({
      procedureCode: '1.004873',
      agencyCode: AGENCY,
      channel: 'online',
      applicant: { $sealed: { alg: 'A256GCM' } },
      formData: { $sealed: { alg: 'A256GCM' } },
    });
    let view: { applicant: string } | undefined;
    for (let i = 0; i < 100 && view === undefined; i++) {
      view = (
        (await db.dataSource.query(
          'SELECT applicant::text AS applicant FROM dossier_views WHERE id = $1 AND code IS NOT NULL',
          [id],
        )) as { applicant: string }[]
      )[0];
      if (view === undefined) await sleep(200);
    }
    expect(view).toBeDefined();
    for (const secret of secrets) expect(view?.applicant).not.toContain(secret);

    // On the wire: the CloudEvents on the dossier topic.
    const kafka = new Kafka({ clientId: 'pii-reader', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${prefix}-reader` });
    const onWire: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}.dossier.events`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const text = message.value?.toString() ?? '';
        if (text.includes(`dossier-${id}`)) onWire.push(text);
      },
    });
    for (let i = 0; i < 150 && onWire.length < 2; i++) await sleep(200);
    await consumer.disconnect();
    expect(onWire.length).toBeGreaterThanOrEqual(2);
    for (const secret of secrets) expect(onWire.join('\n')).not.toContain(secret);

    // On read: in full only for an official of the dossier's agency; masked for the integration.
    const full = await call('GET', `/v1/dossiers/${id}`, COUNTER);
    expect(full.body).toMatchObject({ personalData: 'full', applicant: { nationalId, phone, email, name } });
    expect(full.body.formData.applicant.personalId).toBe(nationalId);
    const masked = await call('GET', `/v1/dossiers/${id}`, PORTAL);
    expect(masked.body.personalData).toBe('masked');
    expect(JSON.stringify(masked.body)).not.toContain(nationalId);
    const worklist = await call('GET', `/v1/worklists?agency=${AGENCY}&view=all&limit=100`, COUNTER);
    expect(worklist.status).toBe(200);
    expect((worklist.body.items as Json[]).find((item) => item.id === id)?.applicant.nationalId).toBe(
      nationalId,
    );
    const lookup = await call('POST', '/v1/lookup', {}, { code, verification: phone });
    expect(lookup.status).toBe(200);
    expect(JSON.stringify(lookup.body)).not.toContain(nationalId);
    const byQuery = await call('GET', `/v1/lookup?code=${code}&verification=${nationalId}`, {});
    expect(byQuery.status).toBe(200);

    // Erasure: only the data protection role; then the key is gone.
    const refused = await call('POST', '/v1/personal-data/erasures', COUNTER, {
      nationalId,
      reference: 'DPO-1',
    });
    expect(refused.status).toBe(403);
    const erasure = await call(
      'POST',
      '/v1/personal-data/erasures',
      { ...DATA_PROTECTION_OFFICER, 'x-request-id': `erase-${prefix}` },
      { nationalId, reference: 'DPO-1' },
    );
    expect(erasure.status).toBe(201);
    expect(erasure.body).toMatchObject({ dossiers: 1 });
    const again = await call('POST', '/v1/personal-data/erasures', DATA_PROTECTION_OFFICER, {
      nationalId,
      reference: 'DPO-1',
    });
    expect(again.status).toBe(404);

    const after = await call('GET', `/v1/dossiers/${id}`, COUNTER);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      personalData: 'erased',
      applicant: { name: '[erased]', nationalId: '[erased]' },
      // What statistics read is untouched.
      procedureCode: full.body.procedureCode,
      procedureVersion: full.body.procedureVersion,
      agencyCode: AGENCY,
      channel: 'online',
      onlineLevel: full.body.onlineLevel,
      code,
      submittedAt: full.body.submittedAt,
      receivedAt: full.body.receivedAt,
      dueAt: full.body.dueAt,
      status: full.body.status,
    });
    expect(after.body.formData).toBeUndefined();
    const listed = await call('GET', `/v1/worklists?agency=${AGENCY}&view=all&limit=100`, COUNTER);
    expect((listed.body.items as Json[]).find((item) => item.id === id)).toMatchObject({
      personalData: 'erased',
      code,
      channel: 'online',
    });
    expect((await call('POST', '/v1/lookup', {}, { code, verification: phone })).status).toBe(404);
    // An action on the erased dossier still works: the workflow does not need the applicant.
    expect((await call('POST', `/v1/dossiers/${id}/actions/transfer`, COUNTER, {})).status).toBe(200);

    // The erasure itself is audited: who, when, under which correlation id.
    let trail: Json[] = [];
    for (let i = 0; i < 100 && trail.length === 0; i++) {
      const audit = await call('GET', `/v1/audit?correlationId=erase-${prefix}`, DATA_PROTECTION_OFFICER);
      trail = (audit.body.items as Json[] | undefined) ?? [];
      if (trail.length === 0) await sleep(200);
    }
    expect(trail).toEqual([
      expect.objectContaining({
        eventType: 'ApplicantDataErased',
        streamType: 'applicant-key',
        actorId: 'dpo-ha',
        actorRole: 'system-admin',
        correlationId: `erase-${prefix}`,
      }),
    ]);

    // Nothing personal reached the logs, the lookup by query string included.
    for (const secret of [nationalId, phone, email]) expect(engine.output()).not.toContain(secret);
  });
});
