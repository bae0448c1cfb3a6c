// The Kafka broker stopped and started again under a steady load of submissions through the HTTP API. The
// broker is the test's own (scripts/kafka-local.sh with a run directory of its own: `pause` stops the broker
// process and keeps its storage, `resume` starts it again on the same port), so the shared test broker is
// never touched. Kafka is downstream of the event store: the API keeps acknowledging through the outage
// (asserted), and after the broker returns every acknowledged dossier is exactly once in the event store,
// on the topic and in the read model within CATCH_UP_MS.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createTestDatabase,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestDatabase,
  scratchDirectory,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { expectEachAcknowledgedOnce, sleep, startSubmissionLoad, until } from './submission-load';

const script = resolve(__dirname, '../../scripts/kafka-local.sh');
const javaAvailable = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
if (!javaAvailable && process.env.REQUIRE_KAFKA === '1')
  throw new Error('REQUIRE_KAFKA=1 but Java is missing');

/** Broker down for this long. */
const OUTAGE_MS = 8_000;
/** From the broker's return to every acknowledged dossier on the topic and in the read model. */
const CATCH_UP_MS = 60_000;

(javaAvailable ? describe : describe.skip)('the Kafka broker stopped and restarted under load', () => {
  const runDir = scratchDirectory('tthc-fault-kafka-');
  const broker = (command: string) =>
    execFileSync('bash', [script, command], {
      env: { ...process.env, KAFKA_LOCAL_RUN: runDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  let db: TestDatabase;
  let brokers: string[];
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    chmodSync(runDir, 0o755);
    brokers = [/KAFKA_BROKERS=(\S+)/.exec(broker('start'))?.[1] ?? ''];
    db = await createTestDatabase(ALL_MIGRATIONS);
  });
  afterAll(async () => {
    await engine?.stop().catch(() => undefined);
    broker('stop');
    await db.drop();
  });

  it('keeps acknowledging during the outage and delivers every acknowledged submission once after it', async () => {
    const prefix = `kfault${randomUUID().slice(0, 8)}`;
    engine = await startEngine({
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      KAFKA_CONSUMER_GROUP: `${prefix}-projector`,
      POLL_INTERVAL_MS: '100',
      LOG_LEVEL: 'warn',
    });
    await waitForSamples(engine.baseUrl);
    const baseUrl = engine.baseUrl;
    const load = startSubmissionLoad(() => baseUrl);
    await until(async () => load.acknowledged.size >= 15, 60_000, 'the load to start');

    broker('pause');
    const down = Date.now();
    const beforeOutage = load.acknowledged.size;
    await sleep(OUTAGE_MS);
    const duringOutage = load.acknowledged.size - beforeOutage;
    broker('resume');
    const back = Date.now();
    // The API never stopped answering: submissions were acknowledged while the broker was down.
    expect(duringOutage).toBeGreaterThan(0);

    const afterOutage = load.acknowledged.size;
    await until(async () => load.acknowledged.size >= afterOutage + 10, 60_000, 'more load after the outage');
    await load.stop();
    await expectEachAcknowledgedOnce({
      databaseUrl: db.url,
      brokers,
      topic: `${prefix}.dossier.events`,
      acknowledged: load.acknowledged,
      timeoutMs: CATCH_UP_MS,
    });
    console.log(
      `Kafka outage of ${back - down} ms: ${load.acknowledged.size} acknowledged (${duringOutage} during the ` +
        `outage), everything delivered ${Date.now() - back} ms after the broker returned`,
    );
  });
});
