// The event store on PostgreSQL. Guarantees:
// - appends to one stream are serialised by a transaction-scoped advisory lock taken before the
//   transaction writes anything, so a stream's versions are also in transaction-id order;
// - the expected version is checked under that lock, and the unique (stream_id, stream_version)
//   constraint is the backstop;
// - readers of the global log only see transactions older than every in-flight one
//   (pg_snapshot_xmin), so an event that commits late is never skipped. See docs/adr/0001.
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { WrongExpectedVersion } from '../domain/errors';
import type { ExpectedVersion, LogPosition, NewEvent, RecordedEvent } from '../domain/event';
import { UpcasterChain } from '../domain/upcasting';
import { withTransaction } from './transaction';

export const EVENTS_CHANNEL = 'tthc_events';

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

export class PostgresEventStore {
  constructor(
    readonly db: DataSource,
    private readonly upcasters: UpcasterChain = new UpcasterChain(),
  ) {}

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
    if (!runner)
      return withTransaction(this.db, (r) => this.append(streamId, streamType, expected, events, r));
    await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
    const [{ version }] = (await runner.query(
      'SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1',
      [streamId],
    )) as { version: number }[];
    if (expected !== 'any' && expected !== version)
      throw new WrongExpectedVersion(streamId, expected, version);
    if (events.length === 0) return { nextExpectedVersion: version, events: [] };

    const versions = events.map((_, i) => version + 1 + i);
    const rows = (await runner.query(
      `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at)
       SELECT $1, $2, v, id, t, sv, d, m, o
       FROM unnest($3::int[], $4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::timestamptz[])
         AS x(v, id, t, sv, d, m, o)
       RETURNING ${COLUMNS}`,
      [
        streamId,
        streamType,
        versions,
        events.map((e) => e.eventId ?? randomUUID()),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion ?? 1),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map((e) => e.occurredAt.toISOString()),
      ],
    )) as EventRow[];
    await runner.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`);
    const recorded = rows.map((r) => this.toRecorded(r)).sort((a, b) => a.streamVersion - b.streamVersion);
    return { nextExpectedVersion: version + events.length, events: recorded };
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
