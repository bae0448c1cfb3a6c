// The one short command path: load stream → decide → append after the version read → store the
// answer under the command id, all in one transaction. A retry with the same command id and the same
// request returns the stored answer and appends nothing; the same id with another request is refused.
import { createHash } from 'node:crypto';
import { CommandIdReused, WrongExpectedVersion } from '../domain/errors';
import type { NewEvent, RecordedEvent } from '../domain/event';
import { CommandTransaction } from './command-transaction';
import type { PostgresEventStore } from './postgres-event-store';
import { sqlLiteral, use, type PreparedStatement, type Statement } from './sql-text';

export interface Decision<Result> {
  readonly events: readonly NewEvent[];
  readonly result: Result;
}

export interface CommandSpec<Result> {
  /** Client-chosen id (the Idempotency-Key header), or undefined when the command is not idempotent. */
  readonly commandId?: string;
  readonly commandType: string;
  /** The request as received; its canonical hash tells a true retry from a reused key. */
  readonly request: unknown;
  readonly streamId: string;
  readonly streamType: string;
  /**
   * The stream's history in, the events to append and the answer out. May throw domain errors. What it
   * must write with the events (a dossier code) goes through `transaction`, which commits with them.
   */
  readonly decide: (
    history: readonly RecordedEvent[],
    transaction: CommandTransaction,
    /** The rows of each of `reads`, in order. */
    read: readonly (readonly Record<string, unknown>[])[],
  ) => Decision<Result> | Promise<Decision<Result>>;
  /**
   * Reads the decision needs besides the stream (SQL text with literals, or uses of prepared statements),
   * made with the stream's read, in the same round trip and under the same locks.
   */
  readonly reads?: readonly Statement[];
}

interface StoredAnswer<Result> {
  readonly command_type: string;
  readonly request_hash: string;
  readonly result: Result;
}

export interface CommandOutcome<Result> {
  readonly result: Result;
  /** True when this answer was stored by an earlier attempt with the same command id. */
  readonly replayed: boolean;
  readonly events: readonly RecordedEvent[];
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(commandType: string, request: unknown): string {
  return createHash('sha256').update(commandType).update('\n').update(canonicalJson(request)).digest('hex');
}

const COMMAND_LOCK: PreparedStatement = {
  name: 'tthc_lock_command',
  parameterTypes: ['text'],
  text: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 1))',
};
const STORED_ANSWER: PreparedStatement = {
  name: 'tthc_command_answer',
  parameterTypes: ['text'],
  text: 'SELECT command_type, request_hash, result FROM command_results WHERE command_id = $1',
};
const STORE_ANSWER: PreparedStatement = {
  name: 'tthc_store_command_answer',
  parameterTypes: ['text', 'text', 'text', 'text', 'jsonb'],
  text: `INSERT INTO command_results (command_id, command_type, request_hash, stream_id, result)
    VALUES ($1, $2, $3, $4, $5)`,
};

export class CommandExecutor {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly maxAttempts = 5,
  ) {}

  async execute<Result>(spec: CommandSpec<Result>): Promise<CommandOutcome<Result>> {
    for (let attempt = 1; ; attempt++) {
      const transaction = await CommandTransaction.connect(this.store.db);
      try {
        return await this.attempt(spec, transaction);
      } catch (error) {
        await transaction.rollback();
        // Only a lost race is retried, on fresh state; domain errors go straight to the caller.
        if (!(error instanceof WrongExpectedVersion) || attempt >= this.maxAttempts) throw error;
      } finally {
        await transaction.release();
      }
    }
  }

  /**
   * Two round trips besides what the decision itself runs: BEGIN, the locks, the stored answer and the
   * stream go out as one query (beginCommand), the append, the answer and COMMIT as another (commitCommand).
   * The command's lock serialises concurrent duplicates without writing, so a retry racing its original
   * waits for it and then finds its answer.
   */
  private async attempt<Result>(
    spec: CommandSpec<Result>,
    transaction: CommandTransaction,
  ): Promise<CommandOutcome<Result>> {
    const hash = requestHash(spec.commandType, spec.request);
    const commandId = spec.commandId ? sqlLiteral(spec.commandId) : undefined;
    const { results, history, reads } = await this.store.beginCommand(
      transaction,
      spec.streamId,
      commandId === undefined
        ? []
        : [use(COMMAND_LOCK, sqlLiteral(`command:${spec.commandId}`)), use(STORED_ANSWER, commandId)],
      spec.reads,
    );
    const stored = results[1]?.rows[0] as StoredAnswer<Result> | undefined;
    if (stored !== undefined) {
      await transaction.rollback();
      if (stored.request_hash !== hash) throw new CommandIdReused(spec.commandId!);
      return { result: stored.result, replayed: true, events: [] };
    }
    const decision = await spec.decide(
      history,
      transaction,
      reads.map((read) => read.rows as Record<string, unknown>[]),
    );
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    const events = decision.events.map((e) =>
      spec.commandId ? { ...e, metadata: { ...e.metadata, commandId: spec.commandId } } : e,
    );
    const answer =
      commandId === undefined
        ? []
        : [
            use(
              STORE_ANSWER,
              commandId,
              sqlLiteral(spec.commandType),
              sqlLiteral(hash),
              sqlLiteral(spec.streamId),
              sqlLiteral(JSON.stringify(decision.result ?? null)),
            ),
          ];
    const appended = await this.store.commitCommand(
      transaction,
      spec.streamId,
      spec.streamType,
      version,
      events,
      answer,
    );
    return { result: decision.result, replayed: false, events: appended.events };
  }
}
