// Checkpointed application of events to one projection. Sources: 'log' (the Postgres global log) or
// 'kafka:<topic>:<partition>'. A 'rebuild' row is the floor left by a rebuild from the log: every
// event at or below it is already in the read model, whichever source delivers it again.
import type { DataSource, QueryRunner } from 'typeorm';
import { compareLogPositions, LOG_START, type LogPosition, type RecordedEvent } from '../domain/event';
import { withTransaction } from '../infrastructure/transaction';
import type { Projection } from './projection';

export const LOG_SOURCE = 'log';
export const REBUILD_SOURCE = 'rebuild';

export interface Delivered {
  readonly event: RecordedEvent;
  readonly kafkaOffset?: string;
}

interface CheckpointRow {
  source: string;
  transaction_id: string;
  position: string;
}

export async function readCheckpoint(
  db: DataSource | QueryRunner,
  subscription: string,
  source: string,
): Promise<LogPosition> {
  const rows = (await db.query(
    `SELECT source, transaction_id::text AS transaction_id, position::text AS position
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
 * Applies the deliveries newer than the checkpoint and moves the checkpoint, in one transaction.
 * The source is locked first, so two consumers of it (a zombie after a rebalance) cannot both apply. Returns the number of events applied.
 */
export async function applyCheckpointed(
  db: DataSource,
  projection: Projection,
  source: string,
  deliveries: readonly Delivered[],
): Promise<number> {
  if (deliveries.length === 0) return 0;
  return withTransaction(db, async (runner) => {
    // An advisory lock (not a row lock) so that the first batch of a source, before any row exists,
    // is serialised too, and so that nothing is written before it.
    await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 2))', [
      `${projection.name}|${source}`,
    ]);
    const rows = (await runner.query(
      `SELECT source, transaction_id::text AS transaction_id, position::text AS position
       FROM subscription_checkpoints WHERE subscription = $1 AND source = ANY($2::text[])`,
      [projection.name, [source, REBUILD_SOURCE]],
    )) as CheckpointRow[];
    let floor = LOG_START;
    for (const row of rows) {
      const at = { transactionId: row.transaction_id, position: row.position };
      if (compareLogPositions(at, floor) > 0) floor = at;
    }
    let applied = 0;
    let last = floor;
    for (const { event } of deliveries) {
      if (compareLogPositions(event.logPosition, last) <= 0) continue;
      if (projection.streamTypes.includes(event.streamType)) await projection.apply(event, runner);
      last = event.logPosition;
      applied++;
    }
    const lastOffset = deliveries[deliveries.length - 1].kafkaOffset;
    if (applied > 0 || lastOffset !== undefined) {
      await writeCheckpoint(runner, projection.name, source, last, lastOffset);
    }
    return applied;
  });
}
