// Catching projections up with the Postgres log, reading it once for all of them. Each batch read from
// the log is handed to every projection that reads its stream types, each applying its share in its own
// transaction with its own checkpoint (applyFromLog), so a projection's exactly-once guarantee is the
// same as when it reads the log alone. Seven projections reading the log each on its own read it
// seven times: in the embedded engine after every commit, and in a rebuild of everything.
//
// A projection that sees no event of its types in a stretch of the log keeps its stored checkpoint where
// it was; the stretch it has passed is remembered (LogCursors) so the next catch-up need not read it
// again, and is stored once it is long, so a restart need not either.
import type { DataSource } from 'typeorm';
import { compareLogPositions, LOG_START, type LogPosition, type RecordedEvent } from '../domain/event';
import type { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { applyFromLog, LOG_SOURCE } from './checkpoints';
import type { Projection } from './projection';

export interface CatchUpProgress {
  /** Events of each projection's stream types applied so far, by projection name. */
  readonly applied: ReadonlyMap<string, number>;
  /** Log events read so far (every stream type any of the projections reads). */
  readonly read: number;
  readonly at: LogPosition;
}

export interface CatchUpOptions {
  readonly batchSize: number;
  /** Projections applying a batch at the same time (default: all of them). */
  readonly parallel?: number;
  readonly onProgress?: (p: CatchUpProgress) => void;
  /** A projection's batch failed: it stops for this catch-up (the others go on) and retries at the next. */
  readonly onError?: (projection: string, error: unknown) => void;
  /** Where the projections stand, kept between catch-ups of one process. */
  readonly cursors?: LogCursors;
  /** A projection's checkpoint was emptied elsewhere (a rebuild): it stops here, and must catch up again. */
  readonly onCheckpointMovedBack?: (projection: string) => void;
}

interface Cursor {
  /** The checkpoint as stored when this process last read or wrote it. */
  stored: LogPosition;
  /** Read through: no event of the projection's types lies between `stored` and here. */
  passed: LogPosition;
  /** Log events passed since `stored`, to decide when storing the passed position is worth a write. */
  passedEvents: number;
}

/** What a process remembers of each projection's place in the log between its catch-ups. */
export class LogCursors {
  readonly byProjection = new Map<string, Cursor>();
}

const later = (a: LogPosition, b: LogPosition) => (compareLogPositions(a, b) >= 0 ? a : b);

/** Applies everything currently in the log to each projection; returns how many events each applied. */
export async function catchUpProjections(
  db: DataSource,
  store: PostgresEventStore,
  projections: readonly Projection[],
  options: CatchUpOptions,
): Promise<Map<string, number>> {
  const applied = new Map(projections.map((p) => [p.name, 0]));
  if (projections.length === 0) return applied;
  const cursors = options.cursors ?? new LogCursors();
  await loadCursors(db, projections, cursors);
  const streamTypes = [...new Set(projections.flatMap((p) => p.streamTypes))];
  const typesOf = new Map(projections.map((p) => [p.name, new Set(p.streamTypes)]));
  const failed = new Map<string, unknown>();
  const moved = new Set<string>();
  const cursorOf = (p: Projection) => cursors.byProjection.get(p.name) as Cursor;
  let after = projections
    .map((p) => cursorOf(p).passed)
    .reduce((a, b) => (compareLogPositions(a, b) <= 0 ? a : b));
  let read = 0;
  let next: Promise<RecordedEvent[]> | undefined = store.readLog(after, options.batchSize, streamTypes);
  while (next !== undefined) {
    const events: RecordedEvent[] = await next;
    if (events.length === 0) break;
    const end = events[events.length - 1].logPosition;
    read += events.length;
    // The next batch is read while this one is applied; a short batch was everything readable.
    next =
      events.length === options.batchSize ? store.readLog(end, options.batchSize, streamTypes) : undefined;
    next?.catch(() => undefined);
    const work = projections
      .filter((p) => !failed.has(p.name) && !moved.has(p.name))
      .map((p) => {
        const cursor = cursorOf(p);
        const types = typesOf.get(p.name) as Set<string>;
        const mine = events.filter(
          (e) => types.has(e.streamType) && compareLogPositions(e.logPosition, cursor.passed) > 0,
        );
        return { p, cursor, mine };
      });
    for (const { cursor, mine } of work) {
      if (mine.length === 0 && compareLogPositions(end, cursor.passed) > 0) {
        cursor.passed = end;
        cursor.passedEvents += events.length;
      }
    }
    await inParallel(
      work.filter((w) => w.mine.length > 0),
      options.parallel ?? projections.length,
      async ({ p, cursor, mine }) => {
        try {
          const outcome = await applyFromLog(db, p, mine, cursor.stored);
          if (outcome.movedBack) {
            // Emptied elsewhere (a rebuild): this reader has passed where it now stands. The next
            // catch-up starts this projection again from its stored checkpoint.
            cursors.byProjection.delete(p.name);
            moved.add(p.name);
            options.onCheckpointMovedBack?.(p.name);
            return;
          }
          applied.set(p.name, (applied.get(p.name) ?? 0) + outcome.applied);
          cursor.stored = mine[mine.length - 1].logPosition;
          cursor.passed = later(end, cursor.stored);
          cursor.passedEvents = 0;
        } catch (error) {
          failed.set(p.name, error);
          options.onError?.(p.name, error);
        }
      },
    );
    after = end;
    options.onProgress?.({ applied, read, at: after });
    if (failed.size + moved.size === projections.length) break;
  }
  await storePassedCheckpoints(db, projections, cursors, options.batchSize);
  // Without an error handler the caller hears of the first failure (after the others have caught up).
  if (failed.size > 0 && options.onError === undefined) throw [...failed.values()][0];
  return applied;
}

/**
 * Reads the stored checkpoints of every projection in one statement. A checkpoint that changed since this
 * process last saw it (a rebuild emptied it, another process moved it) replaces what was remembered.
 */
async function loadCursors(
  db: DataSource,
  projections: readonly Projection[],
  cursors: LogCursors,
): Promise<void> {
  const rows = (await db.query(
    `SELECT subscription, transaction_id::text AS transaction_id, position::text AS position
     FROM subscription_checkpoints WHERE source = $1 AND subscription = ANY($2::text[])`,
    [LOG_SOURCE, projections.map((p) => p.name)],
  )) as { subscription: string; transaction_id: string; position: string }[];
  const stored = new Map(
    rows.map((r) => [r.subscription, { transactionId: r.transaction_id, position: r.position }]),
  );
  for (const p of projections) {
    const now = stored.get(p.name) ?? LOG_START;
    const known = cursors.byProjection.get(p.name);
    if (known === undefined || compareLogPositions(known.stored, now) !== 0) {
      cursors.byProjection.set(p.name, { stored: now, passed: now, passedEvents: 0 });
    }
  }
}

/**
 * Stores how far the projections that saw nothing of theirs have read, once that is at least a batch of
 * events, so that after a restart they do not read that stretch again. Only where the stored checkpoint is
 * still the one this process saw (compare and set): a rebuild or another process may have moved it since.
 */
async function storePassedCheckpoints(
  db: DataSource,
  projections: readonly Projection[],
  cursors: LogCursors,
  batchSize: number,
): Promise<void> {
  const due = projections
    .flatMap((p) => {
      const cursor = cursors.byProjection.get(p.name);
      return cursor === undefined ? [] : [{ name: p.name, cursor }];
    })
    .filter(({ cursor }) => cursor.passedEvents >= batchSize && cursor.stored !== LOG_START);
  if (due.length === 0) return;
  const rows = (await db.query(
    `WITH moved AS (
       UPDATE subscription_checkpoints c
       SET transaction_id = x.tx::xid8, position = x.pos::bigint, updated_at = now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(name, old_tx, old_pos, tx, pos)
       WHERE c.source = $1 AND c.subscription = x.name
         AND c.transaction_id = x.old_tx::xid8 AND c.position = x.old_pos::bigint
       RETURNING c.subscription
     )
     SELECT subscription FROM moved`,
    [
      LOG_SOURCE,
      due.map((d) => d.name),
      due.map((d) => d.cursor.stored.transactionId),
      due.map((d) => d.cursor.stored.position),
      due.map((d) => d.cursor.passed.transactionId),
      due.map((d) => d.cursor.passed.position),
    ],
  )) as { subscription: string }[];
  const updated = new Set(rows.map((r) => r.subscription));
  for (const { name, cursor } of due) {
    if (!updated.has(name)) continue;
    cursor.stored = cursor.passed;
    cursor.passedEvents = 0;
  }
}

/** Runs `work` over the items, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker));
}
