// The one short command path: load stream → decide → append with the expected version → store the
// answer under the command id, all in one transaction. A retry with the same command id and the same
// request returns the stored answer and appends nothing; the same id with another request is refused.
import { createHash } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { CommandIdReused, WrongExpectedVersion } from '../domain/errors';
import type { NewEvent, RecordedEvent } from '../domain/event';
import type { PostgresEventStore } from './postgres-event-store';
import { withTransaction } from './transaction';

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
  /** Pure: the stream's history in, the events to append and the answer out. May throw domain errors. */
  readonly decide: (history: readonly RecordedEvent[]) => Decision<Result> | Promise<Decision<Result>>;
  /** Extra writes in the same transaction, after the append (e.g. a uniqueness index). */
  readonly afterAppend?: (runner: QueryRunner, appended: readonly RecordedEvent[]) => Promise<void>;
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

export class CommandExecutor {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly maxAttempts = 5,
  ) {}

  async execute<Result>(spec: CommandSpec<Result>): Promise<CommandOutcome<Result>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await withTransaction(this.store.db, (runner) => this.attempt(spec, runner));
      } catch (error) {
        // Only a lost race is retried, on fresh state; domain errors go straight to the caller.
        if (!(error instanceof WrongExpectedVersion) || attempt >= this.maxAttempts) throw error;
      }
    }
  }

  private async attempt<Result>(
    spec: CommandSpec<Result>,
    runner: QueryRunner,
  ): Promise<CommandOutcome<Result>> {
    const hash = requestHash(spec.commandType, spec.request);
    if (spec.commandId) {
      // Serialises concurrent duplicates without writing, so the stream lock stays the first write.
      await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [
        `command:${spec.commandId}`,
      ]);
      const stored = (await runner.query(
        'SELECT command_type, request_hash, result FROM command_results WHERE command_id = $1',
        [spec.commandId],
      )) as { command_type: string; request_hash: string; result: Result }[];
      if (stored[0]) {
        if (stored[0].request_hash !== hash) throw new CommandIdReused(spec.commandId);
        return { result: stored[0].result, replayed: true, events: [] };
      }
    }
    const history = await this.store.readStream(spec.streamId, 1, runner);
    const decision = await spec.decide(history);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    const metadataWithCommand = decision.events.map((e) =>
      spec.commandId ? { ...e, metadata: { ...e.metadata, commandId: spec.commandId } } : e,
    );
    const appended = await this.store.append(
      spec.streamId,
      spec.streamType,
      version,
      metadataWithCommand,
      runner,
    );
    if (spec.afterAppend) await spec.afterAppend(runner, appended.events);
    if (spec.commandId) {
      await runner.query(
        `INSERT INTO command_results (command_id, command_type, request_hash, stream_id, result)
         VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [spec.commandId, spec.commandType, hash, spec.streamId, JSON.stringify(decision.result ?? null)],
      );
    }
    return { result: decision.result, replayed: false, events: appended.events };
  }
}
