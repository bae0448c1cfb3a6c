// The engine in Kafka mode: a full-online marital status certificate submitted through the API and
// walked to "returned"; its timeline is built by the projection from Kafka, and its events are read
// from the topic by an independent consumer as CloudEvents.
import { chmodSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  describeWithKafka,
  startEngine,
  waitForSamples,
  type EngineProcess,
  scratchDirectory,
} from '@tthc/testing';
import { COUNTER, LEADER, PORTAL, SPECIALIST, submission, type Json } from './marital-status-fixtures';

const LIFECYCLE = [
  'DossierSubmitted',
  'DossierReceived',
  'DossierTransferred',
  'DossierHandedOver',
  'DossierApproved',
  'ResultIssued',
  'ResultReturned',
  'DossierRated',
];

describeWithKafka('a dossier through Kafka mode', (brokers) => {
  let engine: EngineProcess;
  const prefix = `e2e${randomUUID().slice(0, 8)}`;

  const call = async (method: string, path: string, headers: Record<string, string>, json?: unknown) => {
    const res = await fetch(`${engine.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    const dataDir = scratchDirectory('tthc-e2e-kafka-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({
      DATA_DIR: dataDir,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_CONSUMER_GROUP: `${prefix}-projector`,
      KAFKA_TOPIC_PARTITIONS: '3',
      POLL_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
    });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('walks a full-online marital status certificate to returned, with its timeline and its events on Kafka', async () => {
    const submitted = await call(
      'POST',
      '/v1/dossiers',
      { ...PORTAL, 'idempotency-key': randomUUID() },
      submission(),
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body.dossierId as string;
    const steps: [string, Record<string, string>, Json][] = [
      ['receive', COUNTER, {}],
      ['transfer', COUNTER, {}],
      ['hand-over', SPECIALIST, { event: 'SUBMIT_FOR_SIGNATURE' }],
      ['approve', LEADER, {}],
      ['issue-result', SPECIALIST, { electronic: true }],
      ['return-result', COUNTER, { method: 'online' }],
      ['rate', PORTAL, { score: 5 }],
    ];
    for (const [action, headers, json] of steps) {
      const answer = await call('POST', `/v1/dossiers/${id}/actions/${action}`, headers, json);
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
    }

    let timeline: Json[] = [];
    for (let i = 0; i < 150 && timeline.length < LIFECYCLE.length; i++) {
      const dossier = await call('GET', `/v1/dossiers/${id}`, PORTAL);
      timeline = (dossier.body.timeline as Json[] | undefined) ?? [];
      if (timeline.length < LIFECYCLE.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(timeline.map((entry) => entry.type)).toEqual(LIFECYCLE);

    const kafka = new Kafka({ clientId: 'e2e-reader', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${prefix}-reader` });
    const onWire: Json[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}.dossier.events`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString() ?? '{}') as Json;
        if (event.subject === `dossier-${id}`) onWire.push(event);
      },
    });
    for (let i = 0; i < 150 && onWire.length < LIFECYCLE.length; i++)
      await new Promise((r) => setTimeout(r, 200));
    await consumer.disconnect();
    expect(onWire.map((e) => e.tthceventtype)).toEqual(LIFECYCLE);
    expect(onWire[1]).toMatchObject({
      specversion: '1.0',
      type: 'vn.tthc.dossier.received.v1',
      source: '/tthc/agencies/000.31.18.H56/procedures/1.004873',
      subject: `dossier-${id}`,
    });
  });
});
