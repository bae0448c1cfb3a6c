// No acknowledged submission is lost when the engine is SIGKILLed under a steady load of submissions
// through the HTTP API (Kafka mode): after the restart every 2xx answer's dossier is exactly once in the
// event store, on the topic and in the read model, and the API acknowledges again within RECOVERY_MS.
import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  describeWithKafka,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestDatabase,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { expectEachAcknowledgedOnce, startSubmissionLoad, until } from './submission-load';

/** From the restart to the first acknowledgement: start-up, schema check, relay and projections running. */
const RECOVERY_MS = 45_000;

describeWithKafka('the engine SIGKILLed under a load of submissions', (brokers) => {
  let db: TestDatabase;
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
  });
  afterAll(async () => {
    await engine?.kill().catch(() => undefined);
    await db.drop();
  });

  it('keeps every acknowledged submission exactly once and answers again in time', async () => {
    const prefix = `kill${randomUUID().slice(0, 8)}`;
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      KAFKA_CONSUMER_GROUP: `${prefix}-projector`,
      POLL_INTERVAL_MS: '100',
      LOG_LEVEL: 'warn',
    };
    engine = await startEngine(env);
    await waitForSamples(engine.baseUrl);
    let baseUrl = engine.baseUrl;
    const load = startSubmissionLoad(() => baseUrl);

    await until(async () => load.acknowledged.size >= 15, 60_000, 'the load to start');
    await engine.kill();
    const restartedAt = Date.now();
    engine = await startEngine({ ...env, PORT: String(engine.port) });
    baseUrl = engine.baseUrl;
    await until(
      async () => load.acknowledgedAt.some((at) => at > restartedAt),
      RECOVERY_MS,
      'an acknowledgement after the restart',
    );
    const recoveryMs = Math.min(...load.acknowledgedAt.filter((at) => at > restartedAt)) - restartedAt;
    expect(recoveryMs).toBeLessThan(RECOVERY_MS);
    const afterRestart = load.acknowledged.size;
    await until(
      async () => load.acknowledged.size >= afterRestart + 10,
      120_000,
      'more load after the restart',
    );
    await load.stop();

    await expectEachAcknowledgedOnce({
      databaseUrl: db.url,
      brokers,
      topic: `${prefix}.dossier.events`,
      acknowledged: load.acknowledged,
    });
    console.log(
      `SIGKILL: ${load.acknowledged.size} acknowledged, ${load.refusals.count} refused or failed attempts, ` +
        `API acknowledging again ${recoveryMs} ms after the restart began`,
    );
  });
});
