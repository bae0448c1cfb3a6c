// How fast projectors apply a backlog from Kafka, with 1 and then 2 projector processes (npm run
// build first). Historical dossiers are imported through the load balancer while no projector runs;
// once the relay has published them, the read models are emptied and a fresh consumer group re-reads
// every topic from the start, once with one process and once with two. The figures are printed for
// docs/operations.md; the test asserts only what holds on any machine: both runs apply every event
// and build identical read models.
import { randomUUID } from 'node:crypto';
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
  applicationsDone,
  applicationsExpected,
  emptyReadModels,
  importDossiers,
  pastDossiers,
  readModelSnapshot,
  sleep,
} from './cluster-checks';

// Enough for both runs to rebalance while applying; the scaling figures themselves come from `npm run bench`.
const BACKLOG_DOSSIERS = 800;

describeWithKafka('projector throughput with 1 and 2 processes', (brokers) => {
  let db: TestDatabase;
  let cluster: LocalCluster | undefined;
  const prefix = `tput${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    cluster = await LocalCluster.start({
      apis: 1,
      projectors: 1,
      kafkaBrokers: brokers,
      databaseUrl: db.url,
      // The test run's settings (AUTH_JWT_SECRET signs the callers' tokens), as startEngine passes them.
      baseEnv: process.env,
      dataDir: scratchDirectory('tthc-cluster-'),
      topicPrefix: prefix,
      partitions: 6,
      consumerGroup: `${prefix}-projector`,
      env: { LOG_LEVEL: 'warn', POLL_INTERVAL_MS: '200', SHUTDOWN_GRACE_MS: '30000' },
    });
    await waitForSamples(cluster.url, undefined, 90_000);
  });
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
  });

  it('applies the same backlog completely with one and with two projectors', async () => {
    const live = cluster as LocalCluster;
    for (const projector of live.list('projector')) expect(await projector.stop()).toBe(0);
    const importStart = Date.now();
    const imported = await importDossiers(live.url, pastDossiers(prefix, BACKLOG_DOSSIERS));
    const importSeconds = (Date.now() - importStart) / 1000;
    expect(imported).toBe(BACKLOG_DOSSIERS);

    // Everything is on Kafka before the clock starts: the relay's lag gauge reads 0.
    const [relay] = live.list('relay');
    for (let lag = -1; lag !== 0; await sleep(250)) {
      const metrics = await (await fetch(`${relay.baseUrl}/metrics`)).text();
      lag = Number(/^tthc_outbox_relay_lag_events (\S+)$/m.exec(metrics)?.[1] ?? -1);
    }

    const expected = await applicationsExpected(db.dataSource);
    const [{ events, bytes }] = (await db.dataSource.query(
      `SELECT count(*)::int AS events, pg_total_relation_size('events')::bigint AS bytes FROM events`,
    )) as { events: number; bytes: string }[];
    const figures: string[] = [];
    const snapshots: Record<string, string[]>[] = [];
    for (const processes of [1, 2]) {
      await emptyReadModels(db.dataSource);
      const group = { KAFKA_CONSUMER_GROUP: `${prefix}-run${processes}` };
      const started = Date.now();
      // Sampled from before the processes start: the first one may be applying while the next boots.
      let first = 0;
      let finished = 0;
      const samples: { at: number; done: number }[] = [];
      const sampler = (async () => {
        const deadline = Date.now() + 500_000;
        for (let done = 0; done < expected; await sleep(100)) {
          if (Date.now() > deadline)
            throw new Error(`${processes} projector(s) applied ${done} of ${expected}`);
          done = await applicationsDone(db.dataSource);
          samples.push({ at: Date.now(), done });
          if (done > 0 && first === 0) first = Date.now();
        }
        finished = Date.now();
      })();
      const projectors = await Promise.all(Array.from({ length: processes }, () => live.addProjector(group)));
      const ready = Date.now();
      await sampler;
      // Once every process is up: the rate of the group at full strength, rebalancing included.
      const atReady = samples.find((sample) => sample.at >= ready);
      const steady =
        atReady && finished - atReady.at > 2000
          ? `${Math.round((expected - atReady.done) / ((finished - atReady.at) / 1000))}/s once all were ready`
          : 'finished before all were ready';
      for (const projector of projectors) expect(await projector.stop()).toBe(0);
      snapshots.push(await readModelSnapshot(db.dataSource));
      const applying = (finished - first) / 1000;
      figures.push(
        `${processes} projector(s): ${expected} applications in ${applying.toFixed(1)} s from the first ` +
          `(${Math.round(expected / applying)}/s), ${((finished - started) / 1000).toFixed(1)} s from start ` +
          `(${processes === 1 ? 'process' : 'all processes'} ready after ${((ready - started) / 1000).toFixed(1)} s; ${steady})`,
      );
    }
    console.log(
      `throughput: ${events} events (${BACKLOG_DOSSIERS} imported dossiers, ${importSeconds.toFixed(1)} s to import ` +
        `through the balancer; the events table with its indexes takes ${Math.round(Number(bytes) / events)} ` +
        `bytes an event), ${expected} applications over all projections, 6 partitions\n` +
        figures.join('\n'),
    );
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[0].dossier_views).toHaveLength(BACKLOG_DOSSIERS);
  }, 1_200_000);
});
