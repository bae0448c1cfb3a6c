// The dossier decider's refusals. Each is one DomainError subclass: the HTTP layer maps `kind` to a status and
// `details()` to the members of the problem document, in one place.
import { DomainError } from '@tthc/shared-kernel';
import type { AllowedAction, FormError, NotAllowedReason } from '@tthc/procedures';

export interface AllowedActionSummary {
  readonly event: string;
  readonly target: string | null;
}

/**
 * The workflow does not allow this action here, for this role (or the application does not meet its
 * condition). Names the current state and what the role may do now.
 */
export class DossierActionNotAllowed extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'dossier-action-not-allowed';
  readonly allowed: readonly AllowedActionSummary[];

  constructor(
    readonly action: string,
    readonly state: string,
    readonly role: string,
    readonly reason: NotAllowedReason,
    allowed: readonly AllowedAction[],
    message: string,
    readonly messageVi: string,
  ) {
    super(message);
    this.name = 'DossierActionNotAllowed';
    this.allowed = allowed.map(({ event, target }) => ({ event, target }));
  }

  override details(): Record<string, unknown> {
    return {
      action: this.action,
      state: this.state,
      role: this.role,
      reason: this.reason,
      allowedActions: this.allowed.map((a) => a.event),
      allowed: this.allowed,
      messageVi: this.messageVi,
    };
  }
}

/** A command other than SubmitDossier on a stream with no events. */
export class DossierNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'dossier-not-found';

  constructor(readonly command: string) {
    super(`No dossier exists for ${command}: submit it first.`);
    this.name = 'DossierNotFound';
  }

  override details(): Record<string, unknown> {
    return { command: this.command };
  }
}

export class DossierAlreadySubmitted extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'dossier-already-submitted';

  constructor(readonly dossierId: string) {
    super(`Dossier ${dossierId} has already been submitted.`);
    this.name = 'DossierAlreadySubmitted';
  }

  override details(): Record<string, unknown> {
    return { dossierId: this.dossierId };
  }
}

/** The form data does not match the procedure's application form; paths are JSON Pointers. */
export class InvalidApplication extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid-application';

  constructor(
    readonly procedureCode: string,
    readonly errors: readonly FormError[],
  ) {
    super(
      `The application does not match the form of procedure ${procedureCode}: ` +
        errors.map((e) => `${e.path || '/'} ${e.message}`).join('; '),
    );
    this.name = 'InvalidApplication';
  }

  override details(): Record<string, unknown> {
    return { procedureCode: this.procedureCode, errors: this.errors };
  }
}

/** A command argument is malformed (empty reason, score outside 1–5, unknown procedure…). */
export class InvalidDossierCommand extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid-dossier-command';

  constructor(
    readonly command: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${command}: ${field} ${problem}`);
    this.name = 'InvalidDossierCommand';
  }

  override details(): Record<string, unknown> {
    return { command: this.command, field: this.field, problem: this.problem };
  }
}

export class InvalidDossierCode extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid-dossier-code';

  constructor(
    readonly value: string,
    readonly problems: readonly string[],
  ) {
    super(`Not a dossier code (<unit code>-YYMMDD-XXXX): ${JSON.stringify(value)}: ${problems.join('; ')}`);
    this.name = 'InvalidDossierCode';
  }

  override details(): Record<string, unknown> {
    return { value: this.value, problems: this.problems };
  }
}

/** The submission channel is not offered for this procedure (online for a level-2 procedure). */
export class ChannelNotOffered extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'channel-not-offered';

  constructor(
    readonly procedureCode: string,
    readonly channel: string,
  ) {
    super(`Procedure ${procedureCode} cannot be submitted ${channel}.`);
    this.name = 'ChannelNotOffered';
  }

  override details(): Record<string, unknown> {
    return { procedureCode: this.procedureCode, channel: this.channel };
  }
}

/** Form 02 before acceptance is given once (docs/domain/lifecycle-and-forms.md): the completed dossier is received or refused. */
export class CompletionAlreadyRequested extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'completion-already-requested';

  constructor(readonly allowedActions: readonly string[]) {
    super(
      `Guidance to complete the dossier (form 02) has already been given once; allowed now: ${allowedActions.join(', ') || 'nothing'}.`,
    );
    this.name = 'CompletionAlreadyRequested';
  }

  override details(): Record<string, unknown> {
    return { allowedActions: this.allowedActions };
  }
}

/** A supplement after acceptance must be requested within the procedure's window (3 working days). */
export class SupplementWindowClosed extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'supplement-window-closed';

  constructor(
    readonly windowWorkingDays: number,
    readonly windowEndedAt: Date,
    readonly requestedAt: Date,
  ) {
    super(
      `A supplement must be requested within ${windowWorkingDays} working days of receipt; the window ended ` +
        `${windowEndedAt.toISOString()}.`,
    );
    this.name = 'SupplementWindowClosed';
  }

  override details(): Record<string, unknown> {
    return {
      windowWorkingDays: this.windowWorkingDays,
      windowEndedAt: this.windowEndedAt.toISOString(),
      requestedAt: this.requestedAt.toISOString(),
    };
  }
}

/** The procedure does not declare this excluded interval, so its time cannot be taken out of the clock. */
export class ExcludedIntervalNotDeclared extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'excluded-interval-not-declared';

  constructor(
    readonly intervalKind: string,
    readonly declared: readonly string[],
  ) {
    super(
      `The procedure does not declare the excluded interval "${intervalKind}" (declared: ${declared.join(', ') || 'none'}).`,
    );
    this.name = 'ExcludedIntervalNotDeclared';
  }

  override details(): Record<string, unknown> {
    return { intervalKind: this.intervalKind, declared: this.declared };
  }
}

/** Form 04 must be issued at least one working day before the deadline. */
export class ApologyTooLate extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'apology-too-late';

  constructor(
    readonly dueAt: Date,
    readonly workingDaysLeft: number,
    readonly requiredWorkingDays: number,
  ) {
    super(
      `An apology must be issued at least ${requiredWorkingDays} working day before the deadline ` +
        `${dueAt.toISOString()}; ${workingDaysLeft} working days are left.`,
    );
    this.name = 'ApologyTooLate';
  }

  override details(): Record<string, unknown> {
    return {
      dueAt: this.dueAt.toISOString(),
      workingDaysLeft: this.workingDaysLeft,
      requiredWorkingDays: this.requiredWorkingDays,
    };
  }
}

/** The return date may be reset at most once. */
export class ApologyAlreadyIssued extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'apology-already-issued';

  constructor(readonly appointmentAt: Date) {
    super(`The return date has already been reset once (to ${appointmentAt.toISOString()}).`);
    this.name = 'ApologyAlreadyIssued';
  }

  override details(): Record<string, unknown> {
    return { appointmentAt: this.appointmentAt.toISOString() };
  }
}

export class RescheduledAppointmentNotLater extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'rescheduled-appointment-not-later';

  constructor(
    readonly currentAppointmentAt: Date,
    readonly newAppointmentAt: Date,
  ) {
    super(
      `The new appointment ${newAppointmentAt.toISOString()} must be later than the current one ` +
        `${currentAppointmentAt.toISOString()}.`,
    );
    this.name = 'RescheduledAppointmentNotLater';
  }

  override details(): Record<string, unknown> {
    return {
      currentAppointmentAt: this.currentAppointmentAt.toISOString(),
      newAppointmentAt: this.newAppointmentAt.toISOString(),
    };
  }
}

export class ResultDeliveryNotOffered extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'result-delivery-not-offered';

  constructor(
    readonly method: string,
    readonly offered: readonly string[],
  ) {
    super(`The procedure does not deliver results by ${method} (only ${offered.join(', ')}).`);
    this.name = 'ResultDeliveryNotOffered';
  }

  override details(): Record<string, unknown> {
    return { method: this.method, offered: this.offered };
  }
}

/** A citizen rates a dossier once. */
export class DossierAlreadyRated extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'dossier-already-rated';

  constructor(readonly score: number) {
    super(`The dossier has already been rated (${score}).`);
    this.name = 'DossierAlreadyRated';
  }

  override details(): Record<string, unknown> {
    return { score: this.score };
  }
}

/**
 * The clock cannot be stopped once the committed due instant has passed: a supplement request or an excluded
 * interval after the deadline would hide lateness (docs/domain/after-the-deadline.md).
 */
export class ClockStopAfterDeadline extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'clock-stop-after-deadline';

  constructor(
    readonly rule: 'supplement-after-deadline' | 'excluded-interval-after-deadline',
    readonly dueAt: Date,
    readonly at: Date,
  ) {
    super(
      `The processing period ended at ${dueAt.toISOString()}: the clock can no longer be stopped ` +
        `(${rule === 'supplement-after-deadline' ? 'supplement request' : 'excluded interval'} at ${at.toISOString()}).`,
    );
    this.name = 'ClockStopAfterDeadline';
  }

  override details(): Record<string, unknown> {
    return { rule: this.rule, dueAt: this.dueAt.toISOString(), at: this.at.toISOString() };
  }
}

/** The law allows a supplement to be requested once after acceptance (a deployment may allow more). */
export class SupplementRoundsExhausted extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'supplement-rounds-exhausted';

  constructor(
    readonly allowed: number,
    readonly requested: number,
  ) {
    super(
      `A supplement may be requested ${allowed === 1 ? 'once' : `${allowed} times`} after acceptance; ` +
        `${requested} already requested.`,
    );
    this.name = 'SupplementRoundsExhausted';
  }

  override details(): Record<string, unknown> {
    return { rule: 'supplement-rounds-exceeded', allowed: this.allowed, requested: this.requested };
  }
}
