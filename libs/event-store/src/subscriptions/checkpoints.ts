// Exactly-once application of events to a projection, the guard stored in the same transaction as the
// read-model rows.
// - From Kafka ('kafka:<topic>:<partition>'), the guard is the last applied version of each stream: a
//   redelivered event (version not above the stored one) is skipped, and an event that arrives before its
//   predecessor (a republish after a relay crash can put a stream's later event on the wire first) is
//   skipped too, because the relay sends again, in log order, everything after its checkpoint. The
//   partition's checkpoint only says where to resume.
// - From the PostgreSQL log ('log'), which is read in one total order, the guard is the checkpoint alone:
//   what is at or before it was applied, what follows it was not. Keeping stream versions as well cost a
//   rebuild 30% of its time (a read and an upsert of a row per stream and batch). The stream versions the
//   Kafka guard needs are derived from the log when Kafka next applies (syncLogStreamVersions).
//   A projection that has Kafka history as well (a deployment moved from Kafka to the embedded mode)
//   keeps the stream versions from the log too, so that neither source applies what the other did.
import type { DataSource, QueryRunner } from 'typeorm';
import { compareLogPositions, LOG_START, type LogPosition, type RecordedEvent } from '../domain/event';
import { sqlLiteral } from '../infrastructure/sql-text';
import { type BatchTransactionEnd, withBatchTransaction } from '../infrastructure/transaction';
import type { Projection } from './projection';

export const LOG_SOURCE = 'log';
/** The log position through which a projection's stream versions include what it applied from the log. */
export const LOG_STREAM_VERSIONS_SOURCE = 'log-stream-versions';
const isKafkaSource = (source: string) => source.startsWith('kafka:');

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
  await runner.query(checkpointStatement(subscription, source, at, kafkaOffset));
}

/** The statement of writeCheckpoint, as text (values as literals), to go out with other statements. */
function checkpointStatement(
  subscription: string,
  source: string,
  at: LogPosition,
  kafkaOffset?: string,
): string {
  return `INSERT INTO subscription_checkpoints (subscription, source, transaction_id, position, kafka_offset, updated_at)
     VALUES (${sqlLiteral(subscription)}, ${sqlLiteral(source)}, ${sqlLiteral(at.transactionId)}::xid8,
       ${sqlLiteral(at.position)}::bigint, ${kafkaOffset === undefined ? 'NULL' : sqlLiteral(kafkaOffset)}, now())
     ON CONFLICT (subscription, source) DO UPDATE
       SET transaction_id = excluded.transaction_id, position = excluded.position,
           kafka_offset = excluded.kafka_offset, updated_at = now()`;
}

/**
 * Applies deliveries from Kafka (or any source but the log) that are next in their streams and records the
 * new stream versions and the source checkpoint, in one transaction. The source is locked first (an
 * advisory lock, taken before any write), so two consumers of it, such as a zombie after a rebalance,
 * cannot interleave.
 */
export async function applyCheckpointed(
  db: DataSource,
  projection: Projection,
  source: string,
  deliveries: readonly Delivered[],
): Promise<ApplyOutcome> {
  if (deliveries.length === 0) return { applied: 0, duplicates: 0, early: 0 };
  const streamIds = [...new Set(deliveries.map((d) => d.event.streamId))];
  // BEGIN goes out with the lock and the reads, the stream versions' and checkpoint's writes with COMMIT.
  const opening = [
    lockStatement(projection, source),
    logSyncReadStatement(projection),
    streamVersionsStatement(projection, streamIds),
  ];
  return withBatchTransaction(db, opening, async (runner, [, logSync, stored]) => {
    let versions = stored.rows as StreamVersionRow[];
    if (logSyncRange(logSync.rows as SourceCheckpointRow[]) !== undefined) {
      await syncLogStreamVersions(runner, projection);
      versions = (await runner.query(streamVersionsStatement(projection, streamIds))) as StreamVersionRow[];
    }
    const { outcome, closing } = await applyGuardedByStreamVersions(
      runner,
      projection,
      source,
      deliveries,
      versions,
    );
    return { result: outcome, closing: [closing] };
  });
}

export interface LogApplyOutcome {
  readonly applied: number;
  /**
   * The stored checkpoint is behind the one the reader started from (a rebuild elsewhere emptied it):
   * nothing was applied, and the reader must start again from the stored checkpoint.
   */
  readonly movedBack: boolean;
}

/**
 * Applies events read from the log after `readFrom` (in log order, every event of the projection's stream
 * types after that position up to the last one given) and moves the log checkpoint past them, in one
 * transaction. A checkpoint another process moved ahead meanwhile skips what it covers.
 */
export async function applyFromLog(
  db: DataSource,
  projection: Projection,
  events: readonly RecordedEvent[],
  readFrom: LogPosition,
): Promise<LogApplyOutcome> {
  if (events.length === 0) return { applied: 0, movedBack: false };
  const nothing = (outcome: LogApplyOutcome) => ({ result: outcome, closing: [] });
  // BEGIN, the lock and the checkpoints' read go out as one query, the checkpoint's write with COMMIT.
  const opening = [lockStatement(projection, LOG_SOURCE), checkpointsStatement(projection)];
  return withBatchTransaction(db, opening, async (runner, [, checkpoints]) => {
    const rows = checkpoints.rows as SourceCheckpointRow[];
    if (rows.some((r) => isKafkaSource(r.source))) {
      const { result, closing } = await applyFromLogWithStreamVersions(runner, projection, events);
      return { result: { applied: result.applied, movedBack: false }, closing };
    }
    const stored = positionIn(rows, LOG_SOURCE);
    if (compareLogPositions(stored, readFrom) < 0) return nothing({ applied: 0, movedBack: true });
    const accepted = events.filter((e) => compareLogPositions(e.logPosition, stored) > 0);
    if (accepted.length === 0) return nothing({ applied: 0, movedBack: false });
    await applyEvents(projection, accepted, runner);
    const at = accepted[accepted.length - 1].logPosition;
    return {
      result: { applied: accepted.length, movedBack: false },
      closing: [checkpointStatement(projection.name, LOG_SOURCE, at)],
    };
  });
}

/**
 * Both guards: the log's events are checked against the stream versions Kafka also keeps. Gives the
 * statements that record the stream versions and both checkpoints, to go out with COMMIT.
 */
async function applyFromLogWithStreamVersions(
  runner: QueryRunner,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<BatchTransactionEnd<ApplyOutcome>> {
  await syncLogStreamVersions(runner, projection);
  const streamIds = [...new Set(events.map((e) => e.streamId))];
  const versions = (await runner.query(streamVersionsStatement(projection, streamIds))) as StreamVersionRow[];
  const { outcome, closing } = await applyGuardedByStreamVersions(
    runner,
    projection,
    LOG_SOURCE,
    events.map((event) => ({ event })),
    versions,
  );
  // The stream versions now include this batch too.
  const synced = checkpointStatement(
    projection.name,
    LOG_STREAM_VERSIONS_SOURCE,
    events[events.length - 1].logPosition,
  );
  return { result: outcome, closing: [closing, synced] };
}

/**
 * Brings the projection's stream versions up to what it applied from the log, derived from the log itself
 * (the last version of each stream up to the log checkpoint), so the Kafka guard skips those events. Only
 * the stretch since the last time is read; usually nothing, after a rebuild the whole log once.
 */
export async function syncLogStreamVersions(runner: QueryRunner, projection: Projection): Promise<void> {
  const behind = async () =>
    logSyncRange((await runner.query(logSyncReadStatement(projection))) as SourceCheckpointRow[]);
  if ((await behind()) === undefined) return;
  // Consumers of several partitions may find it behind at once: one derives, the others wait and see it done.
  await lockSource(runner, projection, LOG_STREAM_VERSIONS_SOURCE);
  const range = await behind();
  if (range === undefined) return;
  await runner.query(
    `INSERT INTO projection_stream_versions (projection, stream_id, version)
     SELECT $1, stream_id, max(stream_version) FROM events
     WHERE stream_type = ANY($2::text[])
       AND (transaction_id, global_position) > ($3::xid8, $4::bigint)
       AND (transaction_id, global_position) <= ($5::xid8, $6::bigint)
     GROUP BY stream_id
     ORDER BY stream_id
     ON CONFLICT (projection, stream_id)
       DO UPDATE SET version = greatest(projection_stream_versions.version, excluded.version)`,
    [
      projection.name,
      projection.streamTypes,
      range.synced.transactionId,
      range.synced.position,
      range.log.transactionId,
      range.log.position,
    ],
  );
  await writeCheckpoint(runner, projection.name, LOG_STREAM_VERSIONS_SOURCE, range.log);
}

interface SourceCheckpointRow extends CheckpointRow {
  source: string;
}

interface StreamVersionRow {
  stream_id: string;
  version: number;
}

/** Reads the projection's checkpoints, of every source or of those named, as text (with BEGIN). */
function checkpointsStatement(projection: Projection, sources?: readonly string[]): string {
  const of = sources === undefined ? '' : `AND source IN (${sources.map(sqlLiteral).join(', ')})`;
  return `SELECT source, transaction_id::text AS transaction_id, position::text AS position
    FROM subscription_checkpoints WHERE subscription = ${sqlLiteral(projection.name)} ${of}`;
}

/** Reads the two checkpoints that say whether the stream versions lag behind the log (logSyncRange). */
function logSyncReadStatement(projection: Projection): string {
  return checkpointsStatement(projection, [LOG_SOURCE, LOG_STREAM_VERSIONS_SOURCE]);
}

/** Where the rows put a source's checkpoint: the start of the log when it has none. */
function positionIn(rows: readonly SourceCheckpointRow[], source: string): LogPosition {
  const row = rows.find((r) => r.source === source);
  return row ? { transactionId: row.transaction_id, position: row.position } : LOG_START;
}

/** The stretch of the log applied but not yet in the stream versions, if any. */
function logSyncRange(
  rows: readonly SourceCheckpointRow[],
): { log: LogPosition; synced: LogPosition } | undefined {
  const log = positionIn(rows, LOG_SOURCE);
  const synced = positionIn(rows, LOG_STREAM_VERSIONS_SOURCE);
  return compareLogPositions(synced, log) < 0 ? { log, synced } : undefined;
}

const textArray = (values: readonly string[]) => `ARRAY[${values.map(sqlLiteral).join(', ')}]::text[]`;

/** The stream-version guard's read: the last applied version of each of the streams. */
function streamVersionsStatement(projection: Projection, streamIds: readonly string[]): string {
  return `SELECT stream_id, version FROM projection_stream_versions
    WHERE projection = ${sqlLiteral(projection.name)} AND stream_id = ANY(${textArray(streamIds)})`;
}

/** Serialises everyone who applies a projection from one source (or derives its stream versions). */
export function lockSource(runner: QueryRunner, projection: Projection, source: string): Promise<unknown> {
  return runner.query(lockStatement(projection, source));
}

function lockStatement(projection: Projection, source: string): string {
  return `SELECT pg_advisory_xact_lock(hashtextextended(${sqlLiteral(`${projection.name}|${source}`)}, 2))`;
}

async function applyEvents(
  projection: Projection,
  events: readonly RecordedEvent[],
  runner: QueryRunner,
): Promise<void> {
  if (projection.applyBatch !== undefined) await projection.applyBatch(events, runner);
  else for (const event of events) await projection.apply(event, runner);
}

/**
 * The stream-version guard, inside the caller's transaction (which holds the source's lock), given the
 * stored versions of the deliveries' streams. Applies what is next in its stream; gives the statement that
 * records the new versions and the source's checkpoint (two writes of one statement), to go out with COMMIT.
 */
async function applyGuardedByStreamVersions(
  runner: QueryRunner,
  projection: Projection,
  source: string,
  deliveries: readonly Delivered[],
  stored: readonly StreamVersionRow[],
): Promise<{ outcome: ApplyOutcome; closing: string }> {
  const versions = new Map(stored.map((r) => [r.stream_id, r.version]));
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
  if (accepted.length > 0) await applyEvents(projection, accepted, runner);
  const last = deliveries[deliveries.length - 1];
  const checkpoint = checkpointStatement(projection.name, source, last.event.logPosition, last.kafkaOffset);
  const outcome = { applied: accepted.length, duplicates, early };
  if (changed.size === 0) return { outcome, closing: checkpoint };
  const ids = [...changed];
  const closing = `WITH versions AS (
      INSERT INTO projection_stream_versions (projection, stream_id, version)
      SELECT ${sqlLiteral(projection.name)}, s, v
      FROM unnest(${textArray(ids)}, ARRAY[${ids.map((id) => versions.get(id)).join(', ')}]::int[]) AS x(s, v)
      ON CONFLICT (projection, stream_id) DO UPDATE SET version = excluded.version
    )
    ${checkpoint}`;
  return { outcome, closing };
}
