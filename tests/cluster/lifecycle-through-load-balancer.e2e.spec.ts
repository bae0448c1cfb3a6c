// The distributed mode end to end (npm run build first): `LocalCluster` (what `npm run cluster` runs)
// starts 2 api processes behind the load balancer, the relay and 2 projector processes on the real
// Kafka broker and PostgreSQL. A full-online marital status certificate is walked to a rating through
// the balancer; both api processes answer part of it, both projectors share each projection's consumer
// group, and the timeline read back through the balancer was built from Kafka.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  createTestDatabase,
  describeWithKafka,
  waitForSamples,
  type TestDatabase,
  scratchDirectory,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { LocalCluster } from '../../apps/engine/src/cluster/local-cluster';
import { clusterClient, LIFECYCLE_STEPS, orderViolations, untilCaughtUp } from './cluster-checks';
import { PORTAL, submission, type Json } from '../dossiers/marital-status-fixtures';

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

describeWithKafka('the marital status certificate through a 2 api + 2 projector cluster', (brokers) => {
  let db: TestDatabase;
  let cluster: LocalCluster | undefined;
  const prefix = `lb${randomUUID().slice(0, 8)}`;

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
      partitions: 4,
      consumerGroup: `${prefix}-projector`,
      env: { LOG_LEVEL: 'warn', POLL_INTERVAL_MS: '200' },
    });
    await waitForSamples(cluster.url, undefined, 90_000);
  });
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
  });

  it('walks the certificate to a rating through the load balancer, both apis answering', async () => {
    const live = cluster as LocalCluster;
    const call = clusterClient(live.url);
    const submitted = await call(
      'POST',
      '/v1/dossiers',
      { ...PORTAL, 'idempotency-key': randomUUID() },
      submission(),
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body.dossierId as string;
    for (const [action, headers, json] of LIFECYCLE_STEPS) {
      const answer = await call('POST', `/v1/dossiers/${id}/actions/${action}`, headers, json);
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
    }

    let dossier: Json = {};
    for (let i = 0; i < 300; i++) {
      dossier = (await call('GET', `/v1/dossiers/${id}`, PORTAL)).body;
      if (((dossier.timeline as Json[] | undefined) ?? []).length >= LIFECYCLE.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((dossier.timeline as Json[]).map((entry) => entry.type)).toEqual(LIFECYCLE);
    expect(dossier).toMatchObject({ status: 'closed' });

    // Round-robin: each api process answered a share of the calls.
    const served = [...live.requestsServed().values()];
    expect(served).toHaveLength(2);
    for (const n of served) expect(n).toBeGreaterThan(3);

    // Both projector processes are members of each projection's consumer group.
    const kafka = new Kafka({ clientId: `${prefix}-check`, brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([`${prefix}-projector.dossier-read-models`]);
      expect(groups[0].state).toBe('Stable');
      expect(new Set(groups[0].members.map((m) => m.clientId))).toEqual(
        new Set(live.list('projector').map((m) => `${prefix}-${m.name}`)),
      );
      const partitions = await admin.fetchTopicMetadata({ topics: [`${prefix}.dossier.events`] });
      expect(partitions.topics[0].partitions).toHaveLength(4);
    } finally {
      await admin.disconnect();
    }

    await untilCaughtUp(db.dataSource, 60_000);
    expect(await orderViolations(db.dataSource)).toEqual([]);
  });
});
