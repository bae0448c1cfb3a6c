// The one short command path for dossiers: load the stream → fold `evolve` → `decide` → append after the
// version read, and store the answer under the Idempotency-Key, all in ONE transaction
// (CommandExecutor: same key + same request → the stored answer; another request → CommandIdReused, 422).
//
// The dossier path adds two things, both inside that transaction, which CommandExecutor hands to `decide`:
// - the decider command is built there, so that a receipt draws its dossier code from the PostgreSQL counter
//   in it and a rolled-back command gives the number back (dossier-code-allocation.ts);
// - personal data stays sealed in the log: the history is opened for the decider, and new events are sealed
//   before they are appended, with the key of the applicant who opened the stream
//   (personal-data-protection.ts).
//
// Why a write before the append is safe for the log order (ADR 0001): the stream is locked before it is
// read and before anything is written (PostgresEventStore.beginCommand), so an append to this stream that
// committed before ours had its transaction id assigned before our lock, and one after ours waits for our
// commit before it writes — a dossier's later version therefore always has the later transaction id.
import {
  CommandExecutor,
  PostgresEventStore,
  type CommandTransaction,
  type NewEvent,
  type RecordedEvent,
  type Statement,
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
  /**
   * What the dossier is decided with, from its stream as stored (sealed), read inside the command's
   * transaction. An action learns there which procedure version and agency decide it, and whether the caller
   * may act on it at all, without reading the stream once more before the transaction.
   */
  readonly contextOf: (
    stored: readonly RecordedEvent[],
    transaction: CommandTransaction,
    read: readonly (readonly Record<string, unknown>[])[],
  ) => Promise<DossierContext>;
  /** What contextOf needs besides the stream, read with it (CommandSpec.reads). */
  readonly reads?: readonly Statement[];
  /** A submission's applicant as received: their data key is made or read with the (empty) stream. */
  readonly applicant?: unknown;
  readonly request: DossierRequestContext;
  readonly commandType: DossierCommandType;
  /** The request as received; with the command type and dossier it tells a retry from a reused key. */
  readonly body: unknown;
  /** Whether the dossier id belongs to the request (actions) or is made up by the engine (submission). */
  readonly dossierIdInRequest: boolean;
  readonly now: Date;
  /** Builds the decider command from the current state, inside the command's transaction. */
  readonly command: (
    state: DossierState,
    transaction: CommandTransaction,
    context: DossierContext,
  ) => Promise<DossierCommand>;
}

export class DossierCommandPath {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly protection: PersonalDataProtection,
  ) {}

  async execute(spec: DossierCommandSpec): Promise<DossierActionOutcome> {
    const executor = new CommandExecutor(this.store);
    const streamId = dossierStreamId(spec.dossierId);
    // The applicant's data key, read with the stream: an action's to open the sealed history, a submission's
    // (made if the applicant has none yet) to seal the new events.
    const newKey = spec.dossierIdInRequest ? undefined : this.protection.newApplicantKeyRead(spec.applicant);
    const keyRead = spec.dossierIdInRequest ? this.protection.keyReadWith(streamId) : newKey;
    const reads = [...(spec.reads ?? []), ...(keyRead === undefined ? [] : [keyRead])];
    const { actor, correlationId, commandId } = spec.request;
    const outcome = await executor.execute<DossierActionResult>({
      commandId,
      commandType: spec.commandType,
      request: spec.dossierIdInRequest ? { dossierId: spec.dossierId, body: spec.body } : { body: spec.body },
      streamId,
      streamType: DOSSIER_STREAM_TYPE,
      reads,
      decide: async (stored, transaction, read) => {
        const context = await spec.contextOf(stored, transaction, read);
        const { definition } = context.procedure;
        const keyRows = keyRead === undefined ? undefined : read[read.length - 1];
        const history = await this.protection.reveal(
          stored,
          transaction,
          spec.dossierIdInRequest ? keyRows : undefined,
        );
        const state = foldDossier(toDossierEvents(history));
        const command = await spec.command(state, transaction, context);
        const events = decide(context, state, command);
        const after = events.reduce(evolve, state);
        const version = (history[history.length - 1]?.streamVersion ?? 0) + events.length;
        const agencyCode = 'intake' in after ? after.intake.agencyCode : definition.agency.code;
        const unsealed = events.map((event): NewEvent => ({
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
        }));
        return {
          events: await this.protection.protect(
            streamId,
            unsealed,
            stored,
            transaction,
            newKey === undefined || keyRows === undefined
              ? undefined
              : await this.protection.keyMadeBy(spec.applicant, keyRows, transaction),
          ),
          result: actionResult(spec.dossierId, context, command, after, events, version),
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
