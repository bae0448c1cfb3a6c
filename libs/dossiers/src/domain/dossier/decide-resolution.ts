// The end of processing (docs/domain/lifecycle-and-forms.md, docs/domain/statistics-ii06a.md): the result issued (the resolution instant, with its timeliness),
// returned, rated; the applicant's withdrawal; the apology and new appointment (form 04); the at-risk flag.
import { compareTimeliness } from '../calendar';
import type { DossierContext } from './dossier-context';
import type { FlagAtRisk, IssueApology, IssueResult, Rate, ReturnResult, Withdraw } from './dossier-commands';
import type {
  AppointmentRescheduled,
  ApologyIssued,
  DossierAtRisk,
  DossierRated,
  DossierWithdrawn,
  ResultIssued,
  ResultReturned,
} from './dossier-events';
import type { DossierState, ExistingDossier, ProcessingRecord } from './dossier-state';
import { draftApology } from './apology-draft';
import { admit, irregularitiesField, irregularityAt } from './clock-rules';
import { pausedIntervals, workingDaysLeft } from './deadlines';
import {
  ApologyAlreadyIssued,
  ApologyTooLate,
  DossierAlreadyRated,
  InvalidDossierCommand,
  RescheduledAppointmentNotLater,
  ResultDeliveryNotOffered,
} from './errors';
import { roundWorkingDays, toInstant } from './instant';
import { expectStatus, requireText, workflowMove } from './workflow-move';

/** Form 04 must come at least this much working time before the deadline. */
export const APOLOGY_LEAD_WORKING_DAYS = 1;

/** Whether form 04 can still be issued at `now`: at least the lead time is left on the clock. */
export function apologyStillPossible(
  context: DossierContext,
  processing: Pick<ProcessingRecord, 'dueAt' | 'pauses'>,
  now: Date,
): boolean {
  return workingDaysLeft(context.calendar, processing, now) >= APOLOGY_LEAD_WORKING_DAYS;
}

export function decideIssueResult(
  context: DossierContext,
  state: ExistingDossier,
  command: IssueResult,
): [ResultIssued] {
  workflowMove(context, state, 'ISSUE_RESULT', command.actor);
  const { processing } = expectStatus(state, 'in-progress');
  const { calendar, settings } = context;
  const resolvedAt = command.now;
  const pauses = pausedIntervals(processing.pauses);
  const timeliness = compareTimeliness(resolvedAt, processing.dueAt, settings.timelinessGranularity);
  const irregularities = admit(settings, timeliness === 'late' && !processing.apologised, () =>
    irregularityAt('late-without-apology', resolvedAt, processing.dueAt),
  );
  return [
    {
      type: 'ResultIssued',
      data: {
        resolvedAt: toInstant(resolvedAt),
        electronic: command.electronic ?? false,
        dueAt: toInstant(processing.dueAt),
        statutoryDueAt: toInstant(processing.statutoryDueAt),
        appointmentAt: toInstant(processing.appointmentAt),
        granularity: settings.timelinessGranularity,
        timeliness,
        statutoryTimeliness: compareTimeliness(
          resolvedAt,
          processing.statutoryDueAt,
          settings.timelinessGranularity,
        ),
        workingDaysUsed: roundWorkingDays(
          calendar.workingTimeBetween(processing.effectiveReceivedAt, resolvedAt, pauses),
        ),
        workingDaysBeforeDue: roundWorkingDays(
          calendar.workingTimeBetween(resolvedAt, processing.dueAt, pauses),
        ),
        workingDaysBeforeStatutoryDue: roundWorkingDays(
          calendar.workingTimeBetween(resolvedAt, processing.statutoryDueAt, pauses),
        ),
        apologised: processing.apologised,
        ...irregularitiesField(irregularities),
      },
    },
  ];
}

export function decideReturnResult(
  context: DossierContext,
  state: ExistingDossier,
  command: ReturnResult,
): [ResultReturned] {
  workflowMove(context, state, 'RETURN_RESULT', command.actor);
  const offered = context.procedure.definition.resultDelivery;
  if (!offered.includes(command.method)) throw new ResultDeliveryNotOffered(command.method, offered);
  return [{ type: 'ResultReturned', data: { returnedAt: toInstant(command.now), method: command.method } }];
}

export function decideWithdraw(
  context: DossierContext,
  state: ExistingDossier,
  command: Withdraw,
): [DossierWithdrawn] {
  workflowMove(context, state, 'WITHDRAW', command.actor);
  return [
    {
      type: 'DossierWithdrawn',
      data: {
        withdrawnAt: toInstant(command.now),
        reason: requireText(command.type, 'reason', command.reason),
        fromState: state.workflowState,
      },
    },
  ];
}

export function decideIssueApology(
  context: DossierContext,
  state: ExistingDossier,
  command: IssueApology,
): [ApologyIssued, AppointmentRescheduled] {
  workflowMove(context, state, 'APOLOGISE', command.actor);
  const { processing } = expectStatus(state, 'in-progress', 'paused');
  if (processing.rescheduled) throw new ApologyAlreadyIssued(processing.appointmentAt);
  const reason = requireText(command.type, 'reason', command.reason);
  const left = workingDaysLeft(context.calendar, processing, command.now);
  const irregularities = admit(
    context.settings,
    left < APOLOGY_LEAD_WORKING_DAYS,
    // Measured against the due instant, which form 04 must precede by APOLOGY_LEAD_WORKING_DAYS.
    () => irregularityAt('apology-too-late', command.now, processing.dueAt),
    () => new ApologyTooLate(processing.dueAt, roundWorkingDays(left), APOLOGY_LEAD_WORKING_DAYS),
  );
  if (command.newAppointmentAt <= processing.appointmentAt) {
    throw new RescheduledAppointmentNotLater(processing.appointmentAt, command.newAppointmentAt);
  }
  const at = toInstant(command.now);
  const originalDueAt = toInstant(processing.dueAt);
  return [
    {
      type: 'ApologyIssued',
      data: {
        issuedAt: at,
        reason,
        agencyCode: command.actor.agency ?? context.procedure.definition.agency.code,
        originalDueAt,
        workingDaysLeft: roundWorkingDays(left),
        ...irregularitiesField(irregularities),
      },
    },
    {
      type: 'AppointmentRescheduled',
      data: {
        rescheduledAt: at,
        previousAppointmentAt: toInstant(processing.appointmentAt),
        newAppointmentAt: toInstant(command.newAppointmentAt),
        originalDueAt,
        reason,
      },
    },
  ];
}

export function decideRate(context: DossierContext, state: ExistingDossier, command: Rate): [DossierRated] {
  workflowMove(context, state, 'RATE', command.actor);
  const closed = expectStatus(state, 'closed');
  if (closed.rating !== undefined) throw new DossierAlreadyRated(closed.rating);
  const { score } = command;
  if (!(score === 1 || score === 2 || score === 3 || score === 4 || score === 5)) {
    throw new InvalidDossierCommand(command.type, 'score', 'must be a whole number from 1 to 5');
  }
  return [
    {
      type: 'DossierRated',
      data: {
        ratedAt: toInstant(command.now),
        score,
        ...(command.comment === undefined ? {} : { comment: command.comment }),
      },
    },
  ];
}

/**
 * The scheduler asks periodically; the answer is an event at most once per dossier, and only while the clock
 * runs (a dossier waiting for the citizen is not at risk). Anything else is "nothing to do", not an error,
 * so the scheduler can ask without knowing the dossier's state.
 */
export function decideFlagAtRisk(
  context: DossierContext,
  state: Exclude<DossierState, { status: 'empty' }>,
  command: FlagAtRisk,
): DossierAtRisk[] {
  if (state.status !== 'in-progress' || state.processing.atRisk) return [];
  const { calendar, procedure } = context;
  const { processing } = state;
  const left = workingDaysLeft(calendar, processing, command.now);
  const thresholdWorkingHours = atRiskThresholdWorkingHours(context, processing);
  if (left * (calendar.workingDayMinutes / 60) > thresholdWorkingHours) return [];
  const { definition } = procedure;
  // A draft only while form 04 can still be issued, and only once (the return date is reset at most once).
  const draft =
    !processing.rescheduled && apologyStillPossible(context, processing, command.now)
      ? {
          draftApology: draftApology({
            dossierCode: processing.code,
            procedureName: definition.name,
            agencyName: definition.agency.name,
            dueAt: processing.dueAt,
          }),
        }
      : {};
  return [
    {
      type: 'DossierAtRisk',
      data: {
        flaggedAt: toInstant(command.now),
        dueAt: toInstant(processing.dueAt),
        appointmentAt: toInstant(processing.appointmentAt),
        workingDaysLeft: roundWorkingDays(left),
        thresholdWorkingHours,
        ...draft,
      },
    },
  ];
}

/**
 * How little working time left makes a dossier at risk: a share of its committed period (the working time
 * from the clock start to the due instant), within the deployment's floor and ceiling, so the flag comes
 * at the same point of every procedure's clock (docs/domain/after-the-deadline.md).
 */
export function atRiskThresholdWorkingHours(
  context: DossierContext,
  processing: Pick<ProcessingRecord, 'clockStartedAt' | 'dueAt' | 'pauses'>,
): number {
  const { calendar, settings } = context;
  const period = calendar.workingTimeBetween(
    processing.clockStartedAt,
    processing.dueAt,
    pausedIntervals(processing.pauses),
  );
  const scaled = (settings.atRiskShare * period * calendar.workingDayMinutes) / 60;
  return roundWorkingDays(
    Math.min(settings.atRiskWorkingHours, Math.max(settings.atRiskMinWorkingHours, scaled)),
  );
}
