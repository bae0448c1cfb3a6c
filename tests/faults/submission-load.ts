// The fault tests' steady load and their one verdict. The load is what a portal does: submissions through
// POST /v1/dossiers, each with its own Idempotency-Key, retried with the same key until acknowledged; what
// counts is what was acknowledged (a 2xx). The verdict: every acknowledged dossier exactly once in the event
// store, on the Kafka topic (after deduplication by event id) and in the read model.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { PORTAL, submission } from '../dossiers/marital-status-fixtures';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    let done = false;
    try {
      done = await check();
    } catch {
      // a service being restarted: ask again
    }
    if (done) return;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

export interface SubmissionLoad {
  /** Idempotency-Key → dossier id of every acknowledged submission. */
  readonly acknowledged: Map<string, string>;
  /** Non-2xx answers and failed connections, for the test's report. */
  readonly refusals: { count: number };
  /** When each acknowledgement came, to measure how soon the API answered again. */
  readonly acknowledgedAt: number[];
  stop(): Promise<void>;
}

/** `clients` concurrent portals submitting to whatever `baseUrl()` answers now. */
export function startSubmissionLoad(baseUrl: () => string, clients = 3): SubmissionLoad {
  const acknowledged = new Map<string, string>();
  const acknowledgedAt: number[] = [];
  const refusals = { count: 0 };
  let stopping = false;
  const client = async () => {
    while (!stopping) {
      const key = randomUUID();
      // Once a key was sent it is retried until acknowledged, even while stopping: a submission the
      // engine may have committed must be settled, as a portal would.
      for (let attempt = 0; attempt < 600; attempt++) {
        try {
          const res = await fetch(`${baseUrl()}/v1/dossiers`, {
            method: 'POST',
            headers: { ...PORTAL, 'idempotency-key': key, 'content-type': 'application/json' },
            body: JSON.stringify(submission()),
            signal: AbortSignal.timeout(10_000),
          });
          if (res.ok) {
            const { dossierId } = (await res.json()) as { dossierId: string };
            const earlier = acknowledged.get(key);
            if (earlier !== undefined && earlier !== dossierId) {
              throw new Error(`key ${key} acknowledged as ${earlier} and then as ${dossierId}`);
            }
            acknowledged.set(key, dossierId);
            acknowledgedAt.push(Date.now());
            break;
          }
          refusals.count++;
          await res.body?.cancel();
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('key ')) throw error;
          refusals.count++;
        }
        await sleep(100);
      }
      await sleep(20);
    }
  };
  const running = Promise.all(Array.from({ length: clients }, client));
  return {
    acknowledged,
    acknowledgedAt,
    refusals,
    stop: async () => {
      stopping = true;
      await running;
    },
  };
}

/**
 * The verdict. `databaseUrl`: the engine's database; `topic`: its dossier topic. Waits (up to `timeoutMs`)
 * for the read model and the topic to catch up, then asserts.
 */
export async function expectEachAcknowledgedOnce(options: {
  readonly databaseUrl: string;
  readonly brokers: string[];
  readonly topic: string;
  /** Idempotency-Key → dossier id, as acknowledged. */
  readonly acknowledged: ReadonlyMap<string, string>;
  readonly timeoutMs?: number;
}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const dossierIds = [...options.acknowledged.values()];
  const streams = dossierIds.map((id) => `dossier-${id}`);
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    // Exactly once in the event store: per acknowledged Idempotency-Key one DossierSubmitted, in the
    // acknowledged dossier's stream (no twin from a retry that crossed the fault).
    const stored = (
      await db.query<{ stream_id: string; event_id: string; command_id: string }>(
        `SELECT stream_id, event_id, metadata->>'commandId' AS command_id FROM events
         WHERE event_type = 'DossierSubmitted' AND metadata->>'commandId' = ANY($1::text[])`,
        [[...options.acknowledged.keys()]],
      )
    ).rows;
    expect(stored.map((r) => `${r.command_id} ${r.stream_id}`).sort()).toEqual(
      [...options.acknowledged].map(([key, id]) => `${key} dossier-${id}`).sort(),
    );
    expect(stored.map((r) => r.stream_id).sort()).toEqual([...streams].sort());

    const viewCount = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM dossier_views WHERE id = ANY($1::text[])',
          [dossierIds],
        )
      ).rows[0]?.n ?? 0;
    await until(async () => (await viewCount()) === dossierIds.length, timeoutMs, 'the read model');
    expect(await viewCount()).toBe(dossierIds.length);

    // On the topic: every DossierSubmitted event id, duplicates on the wire allowed, none missing.
    const wanted = new Set(stored.map((r) => r.event_id));
    const seen = new Set<string>();
    const kafka = new Kafka({
      clientId: 'fault-check',
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `fault-check-${randomUUID()}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: options.topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const id = (JSON.parse(message.value?.toString() ?? '{}') as { id?: string }).id;
          if (id !== undefined && wanted.has(id)) seen.add(id);
        },
      });
      await until(async () => seen.size === wanted.size, timeoutMs, 'every event on the topic');
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual(wanted);
  } finally {
    await db.end();
  }
}
