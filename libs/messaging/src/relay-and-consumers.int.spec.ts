import { randomUUID } from 'node:crypto';
import { CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage } from 'cloudevents';
import { Kafka, logLevel } from 'kafkajs';
import { AuditTrailProjection, LogNotifications, PostgresEventStore, type NewEvent } from '@tthc/event-store';
import type { KafkaConfig } from '@tthc/platform';
import { createTestDatabase, describeWithKafka, type TestDatabase } from '@tthc/testing';
import { KafkaProjectionConsumer } from './kafka-projection-consumer';
import { OutboxRelay, RELAY_SUBSCRIPTION } from './outbox-relay';
import { provisionTopics } from './topic-provisioning';
import { allTopics, topicFor } from './topics';

const quiet = { info: () => undefined, warn: () => undefined };

function submitted(n: number): NewEvent {
  return {
    type: 'DossierSubmitted',
    data: { n },
    metadata: {
      agencyCode: '000.00.18.H56',
      procedureCode: '1.000656',
      actor: { id: 'portal', role: 'integration' },
    },
    occurredAt: new Date('2026-03-02T02:00:00Z'),
  };
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeWithKafka('outbox relay and Kafka projections', (brokers) => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let notifications: LogNotifications;
  let config: KafkaConfig;
  let kafka: Kafka;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    notifications = new LogNotifications(db.url);
    await notifications.start();
    const prefix = `t${randomUUID().slice(0, 8)}`;
    config = {
      brokers,
      clientId: 'test',
      topicPrefix: prefix,
      partitions: 3,
      replicationFactor: 1,
      consumerGroup: `${prefix}-group`,
    };
    kafka = new Kafka({ clientId: 'test', brokers, logLevel: logLevel.NOTHING });
    await provisionTopics(kafka, config);
  });

  afterAll(async () => {
    await notifications.stop();
    await db.drop();
  });

  function newRelay(): OutboxRelay {
    return new OutboxRelay(
      db.dataSource,
      store,
      kafka,
      config,
      notifications,
      {
        databaseUrl: db.url,
        batchSize: 100,
        pollIntervalMs: 100,
      },
      quiet,
    );
  }

  it('provisions topics from several processes at once, each returning only when every partition has a leader', async () => {
    const prefix = `race${randomUUID().slice(0, 8)}`;
    const racing = { ...config, topicPrefix: prefix, consumerGroup: `${prefix}-group` };
    // Which call created which topic is a race of its own (Kafka answers "already exists" for a mix).
    await Promise.all([1, 2, 3].map(() => provisionTopics(kafka, racing)));
    const topics = allTopics(racing);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      for (const t of described) {
        expect(t.partitions).toHaveLength(3);
        expect(t.partitions.every((p) => p.leader >= 0)).toBe(true);
      }
      await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  });

  it('publishes CloudEvents that an independent KafkaJS consumer parses with the SDK, in order per dossier', async () => {
    const dossier = `dossier-${randomUUID()}`;
    await store.append(dossier, 'dossier', 0, [submitted(1), submitted(2), submitted(3)]);
    const relay = newRelay();
    relay.start();
    const consumer = kafka.consumer({ groupId: `${config.consumerGroup}-plain-${randomUUID()}` });
    const received: CloudEvent<unknown>[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: topicFor(config.topicPrefix, 'dossier'), fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
          expect(message.key?.toString()).toBe(dossier);
          received.push(
            CloudEventsKafka.toEvent({
              key: dossier,
              value: message.value?.toString() ?? '',
              headers,
            } as KafkaMessage<string>) as CloudEvent<unknown>,
          );
        },
      });
      await until(async () => received.length >= 3);
    } finally {
      await consumer.disconnect();
      await relay.stop();
    }
    expect(received.map((e) => e.validate())).toEqual([true, true, true]);
    expect(received.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(received[0]).toMatchObject({
      specversion: '1.0',
      type: 'vn.tthc.dossier.submitted.v1',
      source: '/tthc/agencies/000.00.18.H56/procedures/1.000656',
      subject: dossier,
    });
    expect(await relay.lag()).toBe(0);
  });

  it('applies every event exactly once to a Kafka-fed projection, even when the relay publishes twice', async () => {
    const writers = 8;
    const perWriter = 25;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++)
          await store.append(`load-${w}-${i}-${randomUUID()}`, 'dossier', 0, [submitted(i)]);
      }),
    );
    const relay = newRelay();
    relay.start();
    await until(async () => (await relay.lag()) === 0);
    await relay.stop();
    // A crash between Kafka's ack and the checkpoint: the relay sends everything again.
    await db.dataSource.query('DELETE FROM subscription_checkpoints WHERE subscription = $1', [
      RELAY_SUBSCRIPTION,
    ]);
    const again = newRelay();
    again.start();
    await until(async () => (await again.lag()) === 0);
    await again.stop();

    const projection = new AuditTrailProjection();
    const consumer = new KafkaProjectionConsumer(kafka, db.dataSource, projection, config, (e) => {
      throw e;
    });
    const [{ total }] = (await db.dataSource.query('SELECT count(*)::int AS total FROM events')) as {
      total: number;
    }[];
    await consumer.start();
    try {
      await until(async () => {
        const [{ n }] = (await db.dataSource.query('SELECT count(*)::int AS n FROM audit_trail')) as {
          n: number;
        }[];
        return n >= total;
      });
      await new Promise((r) => setTimeout(r, 1000)); // duplicates, if any, would arrive now
    } finally {
      await consumer.stop();
    }
    const [{ n, distinct }] = (await db.dataSource.query(
      'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM audit_trail',
    )) as { n: number; distinct: number }[];
    expect(n).toBe(total);
    expect(distinct).toBe(total);
    expect(total).toBe(writers * perWriter + 3);
  });
});
