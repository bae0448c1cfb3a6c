// The bridge to the compiled procedure: who may do what where is the state machine's answer, never the
// decider's own. A refusal becomes the one typed error that names the state and the actions allowed now.
import type { DossierContext } from './dossier-context';
import type { DossierActor } from './dossier-commands';
import type { DossierState, ExistingDossier } from './dossier-state';
import { DossierActionNotAllowed, InvalidDossierCommand } from './errors';

/**
 * Asks the procedure for the move and returns the next workflow state.
 * @throws DossierActionNotAllowed
 */
export function workflowMove(
  context: DossierContext,
  state: ExistingDossier,
  action: string,
  actor: DossierActor,
): string {
  const result = context.procedure.next(state.workflowState, action, actor.role, state.intake.formData);
  if (!result.ok) {
    throw new DossierActionNotAllowed(
      action,
      state.workflowState,
      actor.role,
      result.reason,
      result.allowed,
      result.message,
      result.messageVi,
    );
  }
  return result.state;
}

/** The events a role may fire now (for error details). */
export function allowedEvents(context: DossierContext, state: ExistingDossier, role: string): string[] {
  return context.procedure
    .allowedActions(state.workflowState, role, state.intake.formData)
    .map((action) => action.event);
}

/**
 * Narrows the state after the procedure allowed a move. A mismatch means the events were written under
 * another procedure version than the one given: a wiring bug, not a user error.
 */
export function expectStatus<S extends DossierState['status']>(
  state: DossierState,
  ...statuses: S[]
): Extract<DossierState, { status: S }> {
  if (!(statuses as string[]).includes(state.status)) {
    throw new Error(
      `Invariant: the procedure allowed a move from a dossier in status "${state.status}", expected ${statuses.join(' or ')}; ` +
        'is the dossier replayed with the procedure version it was submitted under?',
    );
  }
  return state as Extract<DossierState, { status: S }>;
}

/** @throws InvalidDossierCommand when a required text (reason, guidance) is blank. */
export function requireText(command: string, field: string, value: string): string {
  if (value.trim() === '') throw new InvalidDossierCommand(command, field, 'must not be blank');
  return value;
}
