// Rebalancing without loss (npm run build first): a cluster of 2 api processes, the relay and 2
// projectors on the real Kafka broker (6 partitions) takes a steady load through its load balancer:
// live dossiers walked action by action, and historical imports in bursts. Meanwhile a third projector
// joins, the first is SIGKILLed in the middle of its batches, and the second leaves gracefully, each
// change forcing the consumer groups to hand partitions over. Afterwards every projection has applied
// every event, no dossier's events were applied out of order (PostgreSQL's own transaction ids are the
// witness), and every read model equals the one rebuilt from zero.
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, rebuildProjection } from '@tthc/event-store';
import {
  createTestDatabase,
  describeWithKafka,
  waitForSamples,
  type TestDatabase,
  scratchDirectory,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { LocalCluster } from '../../apps/engine/src/cluster/local-cluster';
import {
  allProjections,
  applicationsDone,
  importDossiers,
  orderViolations,
  pastDossiers,
  readModelSnapshot,
  sleep,
  streamsBehind,
  untilCaughtUp,
  viewsBehindTheirStreams,
  walkDossier,
} from '../cluster/cluster-checks';

/** The load runs until the last change is behind it, and never beyond these bounds. */
const MAX_LIVE_DOSSIERS = 600;
/**
 * Each walker's pause between dossiers: the changes take about as long whatever the engine's speed (a
 * projector's start, a killed member's session expiry), so the load is paced rather than left to run out
 * of dossiers first on a faster engine.
 */
const WALKER_PAUSE_MS = 150;
const MAX_IMPORT_BURSTS = 12;
const DOSSIERS_PER_BURST = 40;
/** Live dossiers written after each change, so that every change happens under load. */
const DOSSIERS_BETWEEN_CHANGES = 12;

describeWithKafka('projector rebalancing under load', (brokers) => {
  let db: TestDatabase;
  let cluster: LocalCluster | undefined;
  const prefix = `rebal${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    cluster = await LocalCluster.start({
      apis: 2,
      projectors: 2,
      kafkaBrokers: brokers,
      databaseUrl: db.url,
      // The test run's settings (AUTH_JWT_SECRET signs the callers' tokens), as startEngine passes them.
      baseEnv: process.env,
      dataDir: scratchDirectory('tthc-cluster-'),
      topicPrefix: prefix,
      partitions: 6,
      consumerGroup: `${prefix}-projector`,
      // A projector leaving while the group still waits for a killed member's session to expire
      // (10 s) needs longer than the default 10 s grace to leave cleanly.
      env: { LOG_LEVEL: 'warn', POLL_INTERVAL_MS: '200', EVENT_BATCH_SIZE: '50', SHUTDOWN_GRACE_MS: '30000' },
    });
    await waitForSamples(cluster.url, undefined, 90_000);
  });
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
  });

  it('adds, SIGKILLs and removes projectors under load, losing and reordering nothing', async () => {
    const live = cluster as LocalCluster;
    const [first, second] = live.list('projector');
    let walked = 0;
    let imported = 0;
    let loadOn = true;
    let loadError: unknown;
    const walkers = Array.from({ length: 3 }, async () => {
      while (loadOn && walked < MAX_LIVE_DOSSIERS) {
        walked++;
        await walkDossier(live.url, 4).catch((error: unknown) => {
          loadError = error;
          loadOn = false;
        });
        await sleep(WALKER_PAUSE_MS);
      }
    });
    const importer = (async () => {
      for (let burst = 0; loadOn && burst < MAX_IMPORT_BURSTS; burst++) {
        imported += await importDossiers(live.url, pastDossiers(`${prefix}-${burst}`, DOSSIERS_PER_BURST));
        await sleep(1000);
      }
    })();
    const load = Promise.all([...walkers, importer]);
    const moreDossiers = async () => {
      const target = walked + DOSSIERS_BETWEEN_CHANGES;
      while (walked < target) {
        if (loadError) throw loadError;
        if (walked >= MAX_LIVE_DOSSIERS) throw new Error('the load ended before the changes were made');
        await sleep(100);
      }
    };
    const appliedAt: Record<string, number> = {};
    const walkedAt: Record<string, number> = {};

    await moreDossiers();
    [appliedAt.join, walkedAt.join] = [await applicationsDone(db.dataSource), walked];
    const third = await live.addProjector();
    await moreDossiers();
    [appliedAt.kill, walkedAt.kill] = [await applicationsDone(db.dataSource), walked];
    await first.kill();
    await moreDossiers();
    [appliedAt.leave, walkedAt.leave] = [await applicationsDone(db.dataSource), walked];
    const secondExit = await second.stop();
    if (secondExit !== 0) console.log(`second projector:\n${second.output().slice(-4000)}`);
    expect(secondExit).toBe(0);
    await moreDossiers();
    [appliedAt.end, walkedAt.end] = [await applicationsDone(db.dataSource), walked];
    loadOn = false;
    await load;
    expect(loadError).toBeUndefined();
    console.log(
      `rebalancing: live dossiers begun ${JSON.stringify(walkedAt)}, applications done ${JSON.stringify(appliedAt)}, imported ${imported}`,
    );

    expect(live.list('projector').map((m) => m.name)).toEqual([third.name]);
    expect(imported).toBeGreaterThan(0);
    // Events were being applied around each change (the killed member's partitions wait for its
    // session to expire, 10 s, so progress between the kill and the leave may be nil).
    expect(appliedAt.join).toBeLessThan(appliedAt.kill);
    expect(appliedAt.leave).toBeLessThan(appliedAt.end);

    try {
      await untilCaughtUp(db.dataSource, 300_000);
    } catch (error) {
      console.log(`behind: ${JSON.stringify(await streamsBehind(db.dataSource))}`);
      const failures = third
        .output()
        .split('\n')
        .filter((line) => /projection failed|eachBatch|deadlock|timeout/i.test(line))
        .slice(-30);
      console.log(`third projector, last failures:\n${failures.join('\n')}`);
      console.log(
        JSON.stringify(
          await db.dataSource.query(
            `SELECT state, wait_event_type, wait_event, xact_start, left(query, 120) AS query FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()`,
          ),
        ),
      );
      console.log(
        JSON.stringify(
          await db.dataSource.query(
            `SELECT subscription, source, position, kafka_offset, updated_at FROM subscription_checkpoints
             WHERE subscription = 'analytics-dossier-facts' ORDER BY source`,
          ),
        ),
      );
      throw error;
    }
    const dossiers = (await db.dataSource.query(
      `SELECT count(DISTINCT stream_id)::int AS n FROM events WHERE stream_type = 'dossier'`,
    )) as { n: number }[];
    expect(dossiers[0].n).toBe(walked + imported);
    expect(await orderViolations(db.dataSource)).toEqual([]);
    expect(await viewsBehindTheirStreams(db.dataSource)).toBe(0);

    await live.stop();
    cluster = undefined;
    const built = await readModelSnapshot(db.dataSource);
    expect(built.dossier_timeline.length).toBeGreaterThan(walked * 5);
    const store = new PostgresEventStore(db.dataSource);
    const rebuildStart = Date.now();
    let replayed = 0;
    for (const projection of allProjections()) {
      replayed += await rebuildProjection(db.dataSource, store, projection, { batchSize: 500 });
    }
    console.log(
      `rebuild from zero: ${replayed} applications replayed in ${((Date.now() - rebuildStart) / 1000).toFixed(1)} s`,
    );
    const rebuilt = await readModelSnapshot(db.dataSource);
    for (const table of Object.keys(built)) {
      expect({ table, rows: rebuilt[table].length }).toEqual({ table, rows: built[table].length });
      expect(rebuilt[table]).toEqual(built[table]);
    }
  }, 720_000);
});
