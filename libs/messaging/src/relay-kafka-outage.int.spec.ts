// Kafka goes away for a while: appends keep succeeding, and the relay catches up when the broker
// returns. Uses a broker of its own (scripts/kafka-local.sh pause/resume), so it needs Java.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { LogNotifications, PostgresEventStore, type NewEvent } from '@tthc/event-store';
import type { KafkaConfig } from '@tthc/platform';
import { createTestDatabase, type TestDatabase, scratchDirectory } from '@tthc/testing';
import { OutboxRelay } from './outbox-relay';
import { provisionTopics } from './topic-provisioning';

const script = resolve(__dirname, '../../../scripts/kafka-local.sh');
const javaAvailable = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
if (!javaAvailable && process.env.REQUIRE_KAFKA === '1')
  throw new Error('REQUIRE_KAFKA=1 but Java is missing');

const submitted = (n: number): NewEvent => ({
  type: 'DossierSubmitted',
  data: { n },
  metadata: {},
  occurredAt: new Date('2026-03-02T02:00:00Z'),
});

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

(javaAvailable ? describe : describe.skip)('outbox relay across a Kafka outage', () => {
  const runDir = scratchDirectory('tthc-outage-kafka-');
  const broker = (command: string) =>
    execFileSync('bash', [script, command], {
      env: { ...process.env, KAFKA_LOCAL_RUN: runDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  let db: TestDatabase;
  let brokers: string[];

  beforeAll(async () => {
    chmodSync(runDir, 0o755);
    brokers = [/KAFKA_BROKERS=(\S+)/.exec(broker('start'))?.[1] ?? ''];
    db = await createTestDatabase();
  });
  afterAll(async () => {
    broker('stop');
    await db.drop();
  });

  it('keeps accepting appends while the broker is down and publishes everything when it returns', async () => {
    const store = new PostgresEventStore(db.dataSource);
    const notifications = new LogNotifications(db.url);
    await notifications.start();
    const prefix = `outage${randomUUID().slice(0, 8)}`;
    const config: KafkaConfig = {
      brokers,
      clientId: 'outage-test',
      topicPrefix: prefix,
      partitions: 2,
      replicationFactor: 1,
      consumerGroup: prefix,
    };
    const kafka = new Kafka({
      clientId: 'outage-test',
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 2 },
    });
    await provisionTopics(kafka, config);
    const quiet = { info: () => undefined, warn: () => undefined };
    const relay = new OutboxRelay(
      db.dataSource,
      store,
      kafka,
      config,
      notifications,
      {
        databaseUrl: db.url,
        batchSize: 100,
        pollIntervalMs: 200,
      },
      quiet,
    );
    relay.start();
    try {
      for (let i = 0; i < 5; i++) await store.append(`before-${randomUUID()}`, 'dossier', 0, [submitted(i)]);
      await until(async () => (await relay.lag()) === 0, 30_000);

      broker('pause');
      const started = Date.now();
      for (let i = 0; i < 20; i++) await store.append(`during-${randomUUID()}`, 'dossier', 0, [submitted(i)]);
      expect(Date.now() - started).toBeLessThan(10_000); // appends do not wait for Kafka
      await new Promise((r) => setTimeout(r, 2000));
      expect(await relay.lag()).toBe(20);

      broker('resume');
      await until(async () => (await relay.lag()) === 0, 120_000);
    } finally {
      await relay.stop();
      await notifications.stop();
    }

    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(`${prefix}.dossier.events`);
    await admin.disconnect();
    const seen = new Set<string>();
    const consumer = kafka.consumer({ groupId: `${prefix}-check` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}.dossier.events`, fromBeginning: true });
    const onWire = offsets.reduce((sum, o) => sum + Number(o.high), 0);
    let read = 0;
    await consumer.run({
      eachMessage: async ({ message }) => {
        read++;
        seen.add(JSON.parse(message.value?.toString() ?? '{}').id as string);
      },
    });
    await until(async () => read >= onWire, 60_000);
    await consumer.disconnect();
    const ids = (await db.dataSource.query('SELECT event_id FROM events')) as { event_id: string }[];
    expect(seen).toEqual(new Set(ids.map((r) => r.event_id)));
    expect(ids).toHaveLength(25);
  });
});
