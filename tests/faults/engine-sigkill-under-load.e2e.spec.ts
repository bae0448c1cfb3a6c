// No acknowledged submission is lost when the engine is SIGKILLed under a steady load of submissions
// through the HTTP API (Kafka mode). Every 2xx answer's dossier is, after the restart, exactly once in the
// event store, on the Kafka topic (after deduplication by event id) and in the read model, and the API
// answers again within RECOVERY_MS of the restart.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  createTestDatabase,
  describeWithKafka,
  startEngine,
  waitForSamples,
  type EngineProcess,
  type TestDatabase,
} from '@tthc/testing';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { PORTAL, submission } from '../dossiers/marital-status-fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** From the restart to the first 2xx: start-up, migrations checked, relay and projections running. */
const RECOVERY_MS = 30_000;

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

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

    // Steady load: 3 clients, each retrying its own submission with the same Idempotency-Key until it is
    // acknowledged, as a portal does; what counts is what was acknowledged.
    const acknowledged = new Map<string, string>(); // idempotency key → dossier id
    let stop = false;
    const client = async () => {
      while (!stop) {
        const key = randomUUID();
        for (let attempt = 0; attempt < 200 && !stop; attempt++) {
          try {
            const res = await fetch(`${baseUrl}/v1/dossiers`, {
              method: 'POST',
              headers: { ...PORTAL, 'idempotency-key': key, 'content-type': 'application/json' },
              body: JSON.stringify(submission()),
            });
            if (res.status === 201 || res.status === 200) {
              const body = (await res.json()) as { dossierId: string };
              const earlier = acknowledged.get(key);
              if (earlier !== undefined) expect(body.dossierId).toBe(earlier);
              acknowledged.set(key, body.dossierId);
              break;
            }
          } catch {
            // the engine is down: retry the same key
          }
          await sleep(100);
        }
        await sleep(20);
      }
    };
    const load = Promise.all([client(), client(), client()]);

    await until(async () => acknowledged.size >= 15, 60_000, 'the load to start');
    await engine.kill();
    const restartedAt = Date.now();
    engine = await startEngine({ ...env, PORT: String(engine.port) });
    baseUrl = engine.baseUrl;
    const before = acknowledged.size;
    await until(
      async () => acknowledged.size > before,
      RECOVERY_MS,
      'a submission acknowledged after the restart',
    );
    const recoveryMs = Date.now() - restartedAt;
    expect(recoveryMs).toBeLessThan(RECOVERY_MS);
    await until(async () => acknowledged.size >= before + 15, 60_000, 'more load after the restart');
    stop = true;
    await load;

    const ids = [...acknowledged.values()];
    // Event store: each acknowledged dossier has exactly one DossierSubmitted.
    const stored = (await db.dataSource.query(
      `SELECT stream_id, event_id FROM events WHERE event_type = 'DossierSubmitted' AND stream_id = ANY($1::text[])`,
      [ids.map((id) => `dossier-${id}`)],
    )) as { stream_id: string; event_id: string }[];
    expect(stored.map((r) => r.stream_id).sort()).toEqual(ids.map((id) => `dossier-${id}`).sort());
    // Read model: one row each.
    await until(
      async () =>
        (
          (await db.dataSource.query(
            'SELECT count(*)::int AS n FROM dossier_views WHERE id = ANY($1::text[])',
            [ids],
          )) as { n: number }[]
        )[0]!.n === ids.length,
      60_000,
      'the read model to catch up',
    );
    // Kafka: every event id on the topic, duplicates allowed on the wire, none missing.
    const wanted = new Set(stored.map((r) => r.event_id));
    const seen = new Set<string>();
    const kafka = new Kafka({ clientId: 'kill-check', brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${prefix}-check` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}.dossier.events`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const id = (JSON.parse(message.value?.toString() ?? '{}') as { id?: string }).id;
        if (id !== undefined && wanted.has(id)) seen.add(id);
      },
    });
    await until(async () => seen.size === wanted.size, 60_000, 'every event on the topic');
    await consumer.disconnect();
    expect(seen).toEqual(wanted);
    console.log(`SIGKILL: ${ids.length} acknowledged submissions, API back after ${recoveryMs} ms`);
  });
});
