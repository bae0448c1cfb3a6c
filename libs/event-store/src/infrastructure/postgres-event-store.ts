// The event store on PostgreSQL. Guarantees:
// - appends to one stream are serialised by a transaction-scoped advisory lock taken before the
//   transaction writes anything, so a stream's versions are also in transaction-id order;
// - the expected version is checked under that lock, and the unique (stream_id, stream_version)
//   constraint is the backstop;
// - readers of the global log only see transactions older than every in-flight one
//   (pg_snapshot_xmin), so an event that commits late is never skipped. See docs/adr/0001.
import { randomUUID } from 'node:crypto';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import type { TransactionRollbackEvent } from 'typeorm/subscriber/event/TransactionRollbackEvent';
import { WrongExpectedVersion } from '../domain/errors';
import type { ExpectedVersion, LogPosition, NewEvent, RecordedEvent } from '../domain/event';
import { UpcasterChain } from '../domain/upcasting';
import type { CommandTransaction } from './command-transaction';
import {
  sendStatements,
  sqlLiteral,
  use,
  type PreparedStatement,
  type PreparedUse,
  type Statement,
} from './sql-text';
import { withTransaction } from './transaction';

export const EVENTS_CHANNEL = 'tthc_events';

/** At most one wake-up of the log's readers per this many milliseconds (AppendNotifier). */
const NOTIFY_SPACING_MS = 10;

export interface AppendResult {
  readonly nextExpectedVersion: number;
  readonly events: RecordedEvent[];
}

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  occurred_at: Date;
  recorded_at: Date;
}

const COLUMNS = `global_position::text AS global_position, transaction_id::text AS transaction_id, stream_id,
  stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at`;

/**
 * Wakes the log's readers (LISTEN on EVENTS_CHANNEL) after a transaction that appended commits. Not from
 * inside the appending transaction: PostgreSQL serialises the commits of notifying transactions on one
 * global lock, so a NOTIFY in every append made concurrent appends commit one at a time, each waiting for
 * its own WAL flush (the append benchmark with 16 writers showed it). After the commit instead, at most
 * one NOTIFY in flight per data source, and one per NOTIFY_SPACING_MS; appends committed meanwhile share
 * the next one. A wake-up only:
 * readers also poll, so a NOTIFY lost in a crash delays them by the poll interval.
 */
export class AppendNotifier implements EntitySubscriberInterface {
  private static readonly byDataSource = new WeakMap<DataSource, AppendNotifier>();
  private readonly appended = new WeakSet<QueryRunner>();
  private inFlight = false;
  private pending = false;

  private constructor(private readonly db: DataSource) {}

  /** The notifier of a data source, registered as its subscriber once. */
  static of(db: DataSource): AppendNotifier {
    let notifier = AppendNotifier.byDataSource.get(db);
    if (!notifier) {
      notifier = new AppendNotifier(db);
      AppendNotifier.byDataSource.set(db, notifier);
      db.subscribers.push(notifier);
    }
    return notifier;
  }

  /** The transaction of `runner` appended events: notify when it commits. */
  appendedIn(runner: QueryRunner): void {
    this.appended.add(runner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint also reports a commit; only the outermost one makes the events visible.
    if (runner.isTransactionActive || !this.appended.has(runner)) return;
    this.appended.delete(runner);
    this.send();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.appended.delete(event.queryRunner);
  }

  /** A transaction that appended committed outside TypeORM's transaction API (PostgresEventStore.appendAlone). */
  committed(): void {
    this.send();
  }

  private send(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    void this.db
      .query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`)
      .catch(() => undefined)
      .finally(() => {
        // Appends committed meanwhile share the next NOTIFY, sent no sooner than NOTIFY_SPACING_MS after
        // this one: under load a NOTIFY after every other command cost as much as a statement of each.
        setTimeout(() => {
          this.inFlight = false;
          if (this.pending) {
            this.pending = false;
            this.send();
          }
        }, NOTIFY_SPACING_MS).unref();
      });
  }
}

interface SentRow {
  readonly i: number;
  readonly id: string;
  readonly t: string;
  readonly sv: number;
  readonly d: unknown;
  readonly m: Record<string, unknown>;
  readonly o: string;
}

type AppendedRow = Pick<EventRow, 'global_position' | 'transaction_id' | 'recorded_at'> & {
  version: number;
  stream_version: number | null;
};

/**
 * The rows as the append statement reads them: one JSON document (cheaper to encode than one array per
 * column), data and metadata nested in it as JSON, not as strings of JSON that would be escaped inside the
 * document and parsed twice by the server. (The recordset reads a JSON null as SQL NULL: the statement
 * turns it back into JSON null.)
 */
function rowsToSend(events: readonly NewEvent[]): string {
  const rows: SentRow[] = events.map((e, i) => ({
    i: i + 1,
    id: e.eventId ?? randomUUID(),
    t: e.type,
    sv: e.schemaVersion ?? 1,
    d: e.data,
    m: e.metadata,
    o: e.occurredAt.toISOString(),
  }));
  return JSON.stringify(rows);
}

/** The rows as stored: read back from the document sent, so data and metadata are what a read returns. */
const rowsSent = (document: string) => JSON.parse(document) as SentRow[];

/**
 * One statement reads the stream's version (under the lock, so it is current), checks it and inserts; only
 * the columns the database assigns come back. The arguments are SQL expressions: parameters or literals.
 */
function appendStatement(streamId: string, streamType: string, expected: string, rows: string): string {
  return `WITH current AS (
      SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = ${streamId}
    ), inserted AS (
      INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at)
      SELECT ${streamId}, ${streamType}, current.version + x.i, x.id, x.t, x.sv, coalesce(x.d, 'null'), x.m, x.o
      FROM current, jsonb_to_recordset(${rows}::jsonb) AS x(i int, id uuid, t text, sv int, d jsonb, m jsonb, o timestamptz)
      WHERE ${expected}::int IS NULL OR current.version = ${expected}::int
      RETURNING stream_version, global_position::text AS global_position,
        transaction_id::text AS transaction_id, recorded_at
    )
    SELECT current.version, inserted.* FROM current LEFT JOIN inserted ON true`;
}

/**
 * The command path's insert: the stream is locked since before it was read (beginCommand), so the version
 * read is the current one and the events take the versions after it. Should that ever not hold, the unique
 * (stream_id, stream_version) constraint refuses the insert, and the whole transaction with it.
 */
const APPEND_AT_VERSION = `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at)
  SELECT $1, $2, $3 + x.i, x.id, x.t, x.sv, coalesce(x.d, 'null'), x.m, x.o
  FROM jsonb_to_recordset($4::jsonb) AS x(i int, id uuid, t text, sv int, d jsonb, m jsonb, o timestamptz)
  RETURNING stream_version, global_position::text AS global_position, transaction_id::text AS transaction_id, recorded_at`;

const APPEND_PARAMETER_TYPES = ['text', 'text', 'int', 'text'];

/**
 * The appends of the one-round-trip paths, prepared once per connection (a multi-statement query cannot carry
 * parameters, but it can EXECUTE a prepared statement): parsed and planned once, not per append.
 */
const APPEND: PreparedStatement = {
  name: 'tthc_append_to_stream',
  parameterTypes: APPEND_PARAMETER_TYPES,
  text: appendStatement('$1', '$2', '$3', '$4'),
};
/** The command path's append (commitCommand). */
const APPEND_AT: PreparedStatement = {
  name: 'tthc_append_at_version',
  parameterTypes: APPEND_PARAMETER_TYPES,
  text: APPEND_AT_VERSION,
};
const STREAM_LOCK: PreparedStatement = {
  name: 'tthc_lock_stream',
  parameterTypes: ['text'],
  text: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
};
const STREAM_READ: PreparedStatement = {
  name: 'tthc_read_stream',
  parameterTypes: ['text'],
  text: `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
};

/** A use of a prepared append with its values as literals; null: any version. */
function executeAppend(
  append: PreparedStatement,
  streamId: string,
  streamType: string,
  version: number | null,
  sent: string,
): PreparedUse {
  const at = version === null ? 'NULL' : String(Math.trunc(version));
  return use(append, sqlLiteral(streamId), sqlLiteral(streamType), at, sqlLiteral(sent));
}

const lockStream = (streamId: string) => use(STREAM_LOCK, sqlLiteral(streamId));

/** The results of beginCommand: those of the caller's leading statements, the stream's history, the reads'. */
export interface CommandBeginning {
  readonly results: readonly QueryResult[];
  readonly history: RecordedEvent[];
  readonly reads: readonly QueryResult[];
}

export class PostgresEventStore {
  private readonly notifier: AppendNotifier;

  constructor(
    readonly db: DataSource,
    private readonly upcasters: UpcasterChain = new UpcasterChain(),
  ) {
    this.notifier = AppendNotifier.of(db);
  }

  /**
   * Appends events to one stream. Pass `runner` to join a transaction the caller owns (the command
   * path stores its result in the same transaction); the caller must not have written before.
   */
  async append(
    streamId: string,
    streamType: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    runner?: QueryRunner,
  ): Promise<AppendResult> {
    if (!runner) {
      if (events.length === 0)
        return withTransaction(this.db, (r) => this.append(streamId, streamType, expected, events, r));
      return this.appendAlone(streamId, streamType, expected, events);
    }
    await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
    if (events.length === 0) {
      const [{ version }] = (await runner.query(
        'SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1',
        [streamId],
      )) as { version: number }[];
      if (expected !== 'any' && expected !== version)
        throw new WrongExpectedVersion(streamId, expected, version);
      return { nextExpectedVersion: version, events: [] };
    }
    const sent = rowsToSend(events);
    const rows = (await runner.query(appendStatement('$1', '$2', '$3', '$4'), [
      streamId,
      streamType,
      expected === 'any' ? null : expected,
      sent,
    ])) as AppendedRow[];
    // Readers are woken once the transaction commits (see AppendNotifier).
    this.notifier.appendedIn(runner);
    return this.appended(streamId, streamType, expected, rowsSent(sent), rows);
  }

  /**
   * An append that is its own transaction, in one round trip: BEGIN, the stream's lock, the insert (a
   * prepared statement) and COMMIT go as one multi-statement query (the simple protocol, so the values are
   * escaped literals, by sqlLiteral). Each statement of it takes a fresh snapshot, so the insert, which comes after the
   * lock, reads the stream's current version as the two-step path does. Four round trips were what made
   * single-event appends slower than the peer's (the benchmark's first scenario).
   */
  private async appendAlone(
    streamId: string,
    streamType: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
  ): Promise<AppendResult> {
    const sent = rowsToSend(events);
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      let results: QueryResult[];
      try {
        results = await sendStatements(client, [
          'BEGIN',
          lockStream(streamId),
          executeAppend(APPEND, streamId, streamType, expected === 'any' ? null : expected, sent),
          'COMMIT',
        ]);
      } catch (error) {
        // A statement failed: the ones after it were skipped and the transaction is aborted.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      const rows = results[2].rows as AppendedRow[];
      const recorded = this.appended(streamId, streamType, expected, rowsSent(sent), rows);
      this.notifier.committed();
      return recorded;
    } finally {
      await runner.release();
    }
  }

  /**
   * Opens a command's transaction in one round trip: BEGIN, the caller's `leading` statements (the command's
   * own lock and stored answer), the stream's lock, the read of the stream under it, and the caller's
   * `reads` (what the decision needs besides the stream). Holding the stream
   * lock from before the read, nothing else can append to the stream until this transaction ends, so a lost
   * race is not possible and the version read is the one to append after (commitCommand). Locks are taken in
   * one order everywhere (the command's, then the stream's), so two commands never wait for each other.
   */
  async beginCommand(
    transaction: CommandTransaction,
    streamId: string,
    leading: readonly Statement[],
    reads: readonly Statement[] = [],
  ): Promise<CommandBeginning> {
    const results = await transaction.send([
      'BEGIN',
      ...leading,
      lockStream(streamId),
      use(STREAM_READ, sqlLiteral(streamId)),
      ...reads,
    ]);
    const streamAt = 2 + leading.length; // after BEGIN, the leading statements and the lock
    const history = (results[streamAt].rows as EventRow[]).map((r) => this.toRecorded(r));
    return { results: results.slice(1, 1 + leading.length), history, reads: results.slice(streamAt + 1) };
  }

  /**
   * Ends a command's transaction in one round trip: the append after `version` (the version beginCommand
   * read), the caller's `trailing` statements (the stored answer) and COMMIT. A failed statement skips the
   * rest, COMMIT included; the caller rolls back.
   */
  async commitCommand(
    transaction: CommandTransaction,
    streamId: string,
    streamType: string,
    version: number,
    events: readonly NewEvent[],
    trailing: readonly Statement[],
  ): Promise<AppendResult> {
    const sent = events.length === 0 ? undefined : rowsToSend(events);
    const append = sent === undefined ? [] : [executeAppend(APPEND_AT, streamId, streamType, version, sent)];
    let results: QueryResult[];
    try {
      results = await transaction.send([...append, ...trailing, 'COMMIT']);
    } catch (error) {
      if ((error as { constraint?: string }).constraint !== 'events_stream_version_unique') throw error;
      await transaction.rollback();
      const [{ actual }] = (await this.db.query(
        'SELECT coalesce(max(stream_version), 0)::int AS actual FROM events WHERE stream_id = $1',
        [streamId],
      )) as { actual: number }[];
      throw new WrongExpectedVersion(streamId, version, actual);
    }
    if (sent === undefined) return { nextExpectedVersion: version, events: [] };
    this.notifier.committed();
    const rows = (results[0].rows as Omit<AppendedRow, 'version'>[]).map((row) => ({ ...row, version }));
    return this.appended(streamId, streamType, version, rowsSent(sent), rows);
  }

  private appended(
    streamId: string,
    streamType: string,
    expected: ExpectedVersion,
    sent: readonly SentRow[],
    rows: readonly AppendedRow[],
  ): AppendResult {
    const version = rows[0].version;
    if (rows[0].stream_version === null)
      throw new WrongExpectedVersion(streamId, expected as number, version);
    const recorded = rows
      .map((r) => {
        const s = sent[r.stream_version! - version - 1];
        return this.toRecorded({
          global_position: r.global_position,
          transaction_id: r.transaction_id,
          stream_id: streamId,
          stream_type: streamType,
          stream_version: r.stream_version!,
          event_id: s.id,
          event_type: s.t,
          schema_version: s.sv,
          data: s.d,
          metadata: s.m,
          occurred_at: new Date(s.o),
          recorded_at: new Date(r.recorded_at),
        });
      })
      .sort((a, b) => a.streamVersion - b.streamVersion);
    return { nextExpectedVersion: version + sent.length, events: recorded };
  }

  async readStream(streamId: string, fromVersion = 1, runner?: QueryRunner): Promise<RecordedEvent[]> {
    const rows = (await (runner ?? this.db).query(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    )) as EventRow[];
    return rows.map((r) => this.toRecorded(r));
  }

  /**
   * Events after `after` in log order (ORDER BY names the table's columns: the select list casts
   * them to text under the same names, and text order would put "10" before "9"), only from transactions that can no longer be joined by an
   * earlier-numbered writer. Position gaps are normal (rolled-back inserts); missed events are not.
   */
  async readLog(
    after: LogPosition,
    limit: number,
    streamTypes?: readonly string[],
  ): Promise<RecordedEvent[]> {
    const params: unknown[] = [after.transactionId, after.position, limit];
    let filter = '';
    if (streamTypes && streamTypes.length > 0) {
      params.push(streamTypes);
      filter = 'AND stream_type = ANY($4::text[])';
    }
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ${filter}
       ORDER BY events.transaction_id, events.global_position
       LIMIT $3`,
      params,
    )) as EventRow[];
    return rows.map((r) => this.toRecorded(r));
  }

  /**
   * Resolves once every event appended so far can be read from the log, that is once no transaction older
   * than the newest event is still in flight anywhere on the server (readLog's rule). Tools and tests that
   * append and then catch up at once use it: a long transaction of another database on the same server,
   * such as a parallel test's, holds the log back meanwhile.
   */
  async waitUntilReadable(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ readable }] = (await this.db.query(
        `SELECT coalesce((SELECT max(transaction_id) FROM events) < pg_snapshot_xmin(pg_current_snapshot()), true)
           AS readable`,
      )) as { readable: boolean }[];
      if (readable) return;
      if (Date.now() > deadline) throw new Error(`the log was not readable within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The newest log position (visible or not yet safe to read), for lag metrics. */
  async headPosition(): Promise<LogPosition | undefined> {
    const rows = (await this.db.query(
      `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position
       FROM events ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
    )) as Pick<EventRow, 'transaction_id' | 'global_position'>[];
    return rows[0] ? { transactionId: rows[0].transaction_id, position: rows[0].global_position } : undefined;
  }

  /** Number of events after `after` in log order, for lag metrics. */
  async countAfter(after: LogPosition): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
      [after.transactionId, after.position],
    )) as { n: number }[];
    return row.n;
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const { schemaVersion, data } = this.upcasters.upcast(row.event_type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      type: row.event_type,
      schemaVersion,
      data,
      metadata: row.metadata,
      streamId: row.stream_id,
      streamType: row.stream_type,
      streamVersion: row.stream_version,
      occurredAt: new Date(row.occurred_at),
      recordedAt: new Date(row.recorded_at),
      logPosition: { transactionId: row.transaction_id, position: row.global_position },
    };
  }
}
