// Crash safety of the backbone: the relay (in the api process) and the projector are SIGKILLed in
// the middle of a load. After restarts, every event is in Kafka (duplicates allowed on the wire) and
// the read model equals the one rebuilt from zero.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { AuditTrailProjection, PostgresEventStore, rebuildProjection } from '@tthc/event-store';
import {
  createTestDatabase,
  describeWithKafka,
  startEngine,
  type EngineProcess,
  type TestDatabase,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describeWithKafka('crash safety of relay and projector', (brokers) => {
  let db: TestDatabase;
  const processes: EngineProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
  });
  afterAll(async () => {
    for (const p of processes) await p.kill().catch(() => undefined);
    await db.drop();
  });

  it('loses nothing and applies nothing twice when relay and projector are SIGKILLed under load', async () => {
    const prefix = `crash${randomUUID().slice(0, 8)}`;
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '4',
      KAFKA_CONSUMER_GROUP: `${prefix}-projector`,
      EVENT_BATCH_SIZE: '50',
      POLL_INTERVAL_MS: '100',
      LOG_LEVEL: 'warn',
    };
    const start = async (app: 'api' | 'projector') => {
      const p = await startEngine(env, app);
      processes.push(p);
      return p;
    };
    let api = await start('api');
    let projector = await start('projector');

    const store = new PostgresEventStore(db.dataSource);
    let written = 0;
    const load = (async () => {
      for (let round = 0; round < 40; round++) {
        await Promise.all(
          Array.from({ length: 5 }, (_, w) =>
            store.append(`dossier-${round}-${w}-${randomUUID()}`, 'dossier', 0, [
              {
                type: 'DossierSubmitted',
                data: { round, w },
                metadata: {},
                occurredAt: new Date('2026-03-02T02:00:00Z'),
              },
              {
                type: 'DossierReceived',
                data: { round, w },
                metadata: {},
                occurredAt: new Date('2026-03-02T02:05:00Z'),
              },
            ]),
          ),
        );
        written += 10;
        await sleep(25);
      }
    })();

    await until(async () => written >= 100, 30_000, 'the load to start');
    await projector.kill();
    await api.kill();
    await sleep(300);
    api = await start('api');
    await until(async () => written >= 250, 30_000, 'more load');
    await projector.kill().catch(() => undefined);
    projector = await start('projector');
    await load;

    // Only the dossier streams written here are under test: other contexts (the official calendar,
    // for one) seed their own streams when the api starts, and those travel on other topics.
    const total = written;
    const count = async (sql: string) => ((await db.dataSource.query(sql)) as { n: number }[])[0].n;
    try {
      await until(
        async () =>
          (await count(`SELECT count(*)::int AS n FROM audit_trail WHERE stream_type = 'dossier'`)) >= total,
        90_000,
        'the projector to catch up',
      );
    } catch (error) {
      // What a failure needs to be understood: how far each source got, and what the apps said.
      console.log(
        `total ${total} audit ${await count(`SELECT count(*)::int AS n FROM audit_trail WHERE stream_type = 'dossier'`)}`,
      );
      console.log(
        JSON.stringify(
          await db.dataSource.query(
            'SELECT source, transaction_id, position, kafka_offset FROM subscription_checkpoints',
          ),
        ),
      );
      console.log(
        JSON.stringify(
          await db.dataSource.query(
            `SELECT stream_id, transaction_id, global_position, event_type FROM events WHERE stream_type = 'dossier' AND event_id NOT IN (SELECT event_id FROM audit_trail)`,
          ),
        ),
      );
      console.log(`API:\n${api.output().slice(-3000)}\nPROJECTOR:\n${projector.output().slice(-3000)}`);
      throw error;
    }

    // Every event reached Kafka: read the topic with an independent consumer.
    const kafka = new Kafka({ clientId: 'crash-check', brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(`${prefix}.dossier.events`);
    await admin.disconnect();
    const onWire = offsets.reduce((sum, o) => sum + Number(o.high), 0);
    expect(onWire).toBeGreaterThanOrEqual(total);
    const seen = new Set<string>();
    const consumer = kafka.consumer({ groupId: `${prefix}-check` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}.dossier.events`, fromBeginning: true });
    let messages = 0;
    await consumer.run({
      eachMessage: async ({ message }) => {
        messages++;
        seen.add(JSON.parse(message.value?.toString() ?? '{}').id as string);
      },
    });
    await until(async () => messages >= onWire, 60_000, 'reading the topic');
    await consumer.disconnect();
    const ids = (await db.dataSource.query(`SELECT event_id FROM events WHERE stream_type = 'dossier'`)) as {
      event_id: string;
    }[];
    expect(seen).toEqual(new Set(ids.map((r) => r.event_id)));

    await projector.stop();
    await api.stop();
    const snapshot = async () =>
      db.dataSource.query(
        `SELECT event_id, stream_id, stream_version, event_type, occurred_at FROM audit_trail WHERE stream_type = 'dossier' ORDER BY event_id`,
      );
    const live = await snapshot();
    expect(live).toHaveLength(total);
    await rebuildProjection(db.dataSource, store, new AuditTrailProjection(), { batchSize: 500 });
    expect(await snapshot()).toEqual(live);
  });
});
