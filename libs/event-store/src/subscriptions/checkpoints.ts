// Exactly-once application of events to a projection. The guard is the last applied version of each
// stream, stored in the same transaction as the read-model rows: a redelivered event (version not
// above the stored one) is skipped, and an event that arrives before its predecessor (a republish
// after a relay crash can put a stream's later event on the wire first) is skipped too, because the
// relay sends again, in log order, everything after its checkpoint. Sources ('log', or
// 'kafka:<topic>:<partition>') keep a position checkpoint only to know where to resume.
import type { DataSource, QueryRunner } from 'typeorm';
import { LOG_START, type LogPosition, type RecordedEvent } from '../domain/event';
import { withTransaction } from '../infrastructure/transaction';
import type { Projection } from './projection';

export const LOG_SOURCE = 'log';

export interface Delivered {
  readonly event: RecordedEvent;
  readonly kafkaOffset?: string;
}

export interface ApplyOutcome {
  readonly applied: number;
  readonly duplicates: number;
  /** Events whose predecessor in the stream has not been applied yet; they will be delivered again. */
  readonly early: number;
}

interface CheckpointRow {
  transaction_id: string;
  position: string;
}

export async function readCheckpoint(
  db: DataSource | QueryRunner,
  subscription: string,
  source: string,
): Promise<LogPosition> {
  const rows = (await db.query(
    `SELECT transaction_id::text AS transaction_id, position::text AS position
     FROM subscription_checkpoints WHERE subscription = $1 AND source = $2`,
    [subscription, source],
  )) as CheckpointRow[];
  return rows[0] ? { transactionId: rows[0].transaction_id, position: rows[0].position } : LOG_START;
}

export async function writeCheckpoint(
  runner: QueryRunner,
  subscription: string,
  source: string,
  at: LogPosition,
  kafkaOffset?: string,
): Promise<void> {
  await runner.query(
    `INSERT INTO subscription_checkpoints (subscription, source, transaction_id, position, kafka_offset, updated_at)
     VALUES ($1, $2, $3::xid8, $4::bigint, $5, now())
     ON CONFLICT (subscription, source) DO UPDATE
       SET transaction_id = excluded.transaction_id, position = excluded.position,
           kafka_offset = excluded.kafka_offset, updated_at = now()`,
    [subscription, source, at.transactionId, at.position, kafkaOffset ?? null],
  );
}

/**
 * Applies the deliveries that are next in their streams and records the new stream versions and the
 * source checkpoint, in one transaction. The source is locked first (an advisory lock, taken before
 * any write), so two consumers of it, such as a zombie after a rebalance, cannot interleave.
 */
export async function applyCheckpointed(
  db: DataSource,
  projection: Projection,
  source: string,
  deliveries: readonly Delivered[],
): Promise<ApplyOutcome> {
  if (deliveries.length === 0) return { applied: 0, duplicates: 0, early: 0 };
  return withTransaction(db, async (runner) => {
    await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 2))', [
      `${projection.name}|${source}`,
    ]);
    const streamIds = [...new Set(deliveries.map((d) => d.event.streamId))];
    const rows = (await runner.query(
      `SELECT stream_id, version FROM projection_stream_versions WHERE projection = $1 AND stream_id = ANY($2::text[])`,
      [projection.name, streamIds],
    )) as { stream_id: string; version: number }[];
    const versions = new Map(rows.map((r) => [r.stream_id, r.version]));
    const changed = new Set<string>();
    const accepted: RecordedEvent[] = [];
    let duplicates = 0;
    let early = 0;
    for (const { event } of deliveries) {
      const last = versions.get(event.streamId) ?? 0;
      if (event.streamVersion <= last) {
        duplicates++;
        continue;
      }
      if (event.streamVersion > last + 1) {
        early++;
        continue;
      }
      accepted.push(event);
      versions.set(event.streamId, event.streamVersion);
      changed.add(event.streamId);
    }
    if (projection.applyBatch !== undefined) {
      if (accepted.length > 0) await projection.applyBatch(accepted, runner);
    } else {
      for (const event of accepted) await projection.apply(event, runner);
    }
    const applied = accepted.length;
    const last = deliveries[deliveries.length - 1];
    if (changed.size > 0) {
      // The stream versions and the checkpoint in one round trip (two writes of one statement).
      const ids = [...changed];
      await runner.query(
        `WITH versions AS (
           INSERT INTO projection_stream_versions (projection, stream_id, version)
           SELECT $1, s, v FROM unnest($2::text[], $3::int[]) AS x(s, v)
           ON CONFLICT (projection, stream_id) DO UPDATE SET version = excluded.version
         )
         INSERT INTO subscription_checkpoints (subscription, source, transaction_id, position, kafka_offset, updated_at)
         VALUES ($1, $4, $5::xid8, $6::bigint, $7, now())
         ON CONFLICT (subscription, source) DO UPDATE
           SET transaction_id = excluded.transaction_id, position = excluded.position,
               kafka_offset = excluded.kafka_offset, updated_at = now()`,
        [
          projection.name,
          ids,
          ids.map((id) => versions.get(id)),
          source,
          last.event.logPosition.transactionId,
          last.event.logPosition.position,
          last.kafkaOffset ?? null,
        ],
      );
    } else {
      await writeCheckpoint(runner, projection.name, source, last.event.logPosition, last.kafkaOffset);
    }
    return { applied, duplicates, early };
  });
}
