// The one short command path for dossiers: load the stream → fold `evolve` → `decide` → append with the
// expected version, and store the answer under the Idempotency-Key, all in ONE transaction
// (CommandExecutor: same key + same request → the stored answer; another request → CommandIdReused, 422;
// a lost race → retried on fresh state).
//
// The dossier path adds one thing: the decider command is built INSIDE that transaction, with the
// transaction at hand, so that a receipt can draw its dossier code from the PostgreSQL counter there and a
// rolled-back command gives the number back (dossier-code-allocation.ts). CommandExecutor does not hand its
// transaction to `decide`, so the store it is given records the transaction it reads the stream with: the
// executor reads the stream, with its transaction, right before it decides. If the event store one day
// passes the transaction to `decide` itself, TransactionCapturingStore can go.
//
// Why a write before the append is safe for the log order (ADR 0001): the counter row is written after the
// stream was read, so any append to this stream that committed before our read had its transaction id
// assigned earlier than ours, and any append after our read makes our own append fail on its expected
// version (and roll back) — a dossier's later version therefore always has the later transaction id.
import type { QueryRunner } from 'typeorm';
import {
  CommandExecutor,
  PostgresEventStore,
  type AppendResult,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
} from '@tthc/event-store';
import {
  decide,
  evolve,
  formatLocalMinute,
  processingOf,
  type DossierActor,
  type DossierCommand,
  type DossierCommandType,
  type DossierContext,
  type DossierEvent,
  type DossierState,
} from '../domain/dossier';
import type { PersonalDataProtection } from '../infrastructure/personal-data/personal-data-protection';
import { DOSSIER_STREAM_TYPE, dossierStreamId, foldDossier, toDossierEvents } from './dossier-stream';
import type { DossierActionOutcome, DossierActionResult } from './views';

/** Who asks, the request's correlation id and the client's Idempotency-Key (the command id), if any. */
export interface DossierRequestContext {
  readonly actor: DossierActor;
  readonly correlationId: string;
  readonly commandId?: string;
}

export interface DossierCommandSpec {
  readonly dossierId: string;
  readonly context: DossierContext;
  readonly request: DossierRequestContext;
  readonly commandType: DossierCommandType;
  /** The request as received; with the command type and dossier it tells a retry from a reused key. */
  readonly body: unknown;
  /** Whether the dossier id belongs to the request (actions) or is made up by the engine (submission). */
  readonly dossierIdInRequest: boolean;
  readonly now: Date;
  /** Builds the decider command from the current state, inside the command's transaction. */
  readonly command: (state: DossierState, transaction: QueryRunner) => Promise<DossierCommand>;
}

/**
 * A store that remembers the transaction CommandExecutor reads the stream with (see the note above), and
 * keeps personal data sealed in the log: the history is opened for the decider, new events are sealed before
 * they are appended, with the key of the applicant who opened the stream (personal-data-protection.ts).
 */
class TransactionCapturingStore extends PostgresEventStore {
  transaction?: QueryRunner;
  private stored: readonly RecordedEvent[] = [];

  constructor(
    private readonly inner: PostgresEventStore,
    private readonly protection: PersonalDataProtection,
  ) {
    super(inner.db);
  }

  override async readStream(
    streamId: string,
    fromVersion = 1,
    runner?: QueryRunner,
  ): Promise<RecordedEvent[]> {
    this.transaction = runner;
    this.stored = await this.inner.readStream(streamId, fromVersion, runner);
    return this.protection.reveal(this.stored, runner);
  }

  override async append(
    streamId: string,
    streamType: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    runner?: QueryRunner,
  ): Promise<AppendResult> {
    const transaction = runner ?? this.transaction;
    if (transaction === undefined) throw new Error('Invariant: a dossier append outside its transaction');
    const sealed = await this.protection.protect(streamId, events, this.stored, transaction);
    return this.inner.append(streamId, streamType, expected, sealed, runner);
  }
}

export class DossierCommandPath {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly protection: PersonalDataProtection,
  ) {}

  async execute(spec: DossierCommandSpec): Promise<DossierActionOutcome> {
    const store = new TransactionCapturingStore(this.store, this.protection);
    const executor = new CommandExecutor(store);
    const { actor, correlationId, commandId } = spec.request;
    const { definition } = spec.context.procedure;
    const outcome = await executor.execute<DossierActionResult>({
      commandId,
      commandType: spec.commandType,
      request: spec.dossierIdInRequest ? { dossierId: spec.dossierId, body: spec.body } : { body: spec.body },
      streamId: dossierStreamId(spec.dossierId),
      streamType: DOSSIER_STREAM_TYPE,
      decide: async (history) => {
        const transaction = store.transaction;
        if (transaction === undefined) {
          throw new Error('Invariant: CommandExecutor read the dossier stream outside its transaction');
        }
        const state = foldDossier(toDossierEvents(history));
        const command = await spec.command(state, transaction);
        const events = decide(spec.context, state, command);
        const after = events.reduce(evolve, state);
        const version = (history[history.length - 1]?.streamVersion ?? 0) + events.length;
        const agencyCode = 'intake' in after ? after.intake.agencyCode : definition.agency.code;
        return {
          events: events.map((event): NewEvent => ({
            type: event.type,
            data: event.data,
            metadata: {
              actor: { id: actor.id, role: actor.role, ...(actor.agency ? { agency: actor.agency } : {}) },
              correlationId,
              // The CloudEvents source: /tthc/agencies/<agency>/procedures/<procedure>.
              agencyCode,
              procedureCode: definition.code,
              procedureVersion: 'intake' in after ? after.intake.procedureVersion : undefined,
            },
            occurredAt: spec.now,
          })),
          result: actionResult(spec.dossierId, spec.context, command, after, events, version),
        };
      },
    });
    return { result: outcome.result, replayed: outcome.replayed };
  }
}

/** The answer of a command: where the dossier is now and what the acting role may do next. */
export function actionResult(
  dossierId: string,
  context: DossierContext,
  command: DossierCommand,
  state: DossierState,
  events: readonly DossierEvent[],
  version: number,
): DossierActionResult {
  const processing = processingOf(state);
  const workflowState = state.status === 'empty' ? 'empty' : state.workflowState;
  return {
    dossierId,
    action: command.type,
    events: events.map((event) => event.type),
    version,
    status: state.status,
    workflowState,
    workflowStateName: stateName(context, workflowState),
    code: processing?.code ?? null,
    receivedAt: processing ? processing.receivedAt.toISOString() : null,
    dueAt: processing ? processing.dueAt.toISOString() : null,
    appointmentAt: processing ? processing.appointmentAt.toISOString() : null,
    appointmentLocal: processing ? formatLocalMinute(processing.appointmentAt) : null,
    allowedActions:
      state.status === 'empty'
        ? []
        : context.procedure
            .allowedActions(workflowState, command.actor.role, state.intake.formData)
            .map((action) => action.event),
  };
}

export function stateName(
  context: DossierContext,
  workflowState: string,
): { readonly vi: string; readonly en: string } | null {
  try {
    return context.procedure.describeState(workflowState).name;
  } catch {
    return null;
  }
}
