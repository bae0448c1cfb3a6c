// Processing in the agency's steps (docs/domain/lifecycle-and-forms.md, docs/domain/working-time.md): transfer to the first step, hand-overs with their form 05
// timeliness, supplements after acceptance (PAUSE or RESTART), excluded intervals, and the decision.
import { isLifecycleEvent, isStepEvent } from '@tthc/procedures';
import { compareTimeliness, type WorkingDayCalendar } from '../calendar';
import type { DossierContext } from './dossier-context';
import type {
  Approve,
  EndExcludedInterval,
  HandOver,
  ProvideSupplement,
  RefuseResolution,
  RequestSupplement,
  StartExcludedInterval,
  TransferDossier,
} from './dossier-commands';
import type {
  DossierApproved,
  DossierHandedOver,
  DossierTransferred,
  ExcludedIntervalEnded,
  ExcludedIntervalStarted,
  ResolutionRefused,
  SupplementProvided,
  SupplementRequested,
} from './dossier-events';
import type { ExistingDossier, Pause, ProcessingRecord, StepClock } from './dossier-state';
import { deadline, laterOf, pausedIntervals, provisionalCalendarField, stepDeadline } from './deadlines';
import { validateApplication } from './decide-intake';
import { admit, irregularitiesField, irregularityAt, isPastDue, restartsPeriod } from './clock-rules';
import {
  ClockStopAfterDeadline,
  ExcludedIntervalNotDeclared,
  InvalidDossierCommand,
  SupplementRoundsExhausted,
  SupplementWindowClosed,
} from './errors';
import { roundWorkingDays, toInstant } from './instant';
import { expectStatus, requireText, workflowMove } from './workflow-move';

interface StepTarget {
  readonly step: string;
  readonly agency: string;
  readonly timeBudget: number;
}

function stepTarget(context: DossierContext, workflowState: string): StepTarget {
  const descriptor = context.procedure.describeState(workflowState);
  if (descriptor.step === undefined) {
    throw new Error(
      `Invariant: expected a step state, the procedure moved the dossier to "${workflowState}"`,
    );
  }
  return {
    step: descriptor.step,
    agency: descriptor.agency ?? context.procedure.definition.agency.code,
    timeBudget: descriptor.timeBudget ?? 0,
  };
}

function currentStep(processing: ProcessingRecord): StepClock {
  if (processing.step === undefined)
    throw new Error('Invariant: the dossier is in a step without a step clock');
  return processing.step;
}

export function decideTransfer(
  context: DossierContext,
  state: ExistingDossier,
  command: TransferDossier,
): [DossierTransferred] {
  const next = workflowMove(context, state, 'TRANSFER', command.actor);
  const { processing } = expectStatus(state, 'in-progress');
  const target = stepTarget(context, next);
  // Immediately on receipt, or at the start of the next working day after the cut-off: exactly the effective
  // receipt. Measured on dates: "immediately" cannot be held to the minute.
  const transferDeadline = processing.effectiveReceivedAt;
  return [
    {
      type: 'DossierTransferred',
      data: {
        transferredAt: toInstant(command.now),
        transferDeadline: toInstant(transferDeadline),
        timeliness: compareTimeliness(command.now, transferDeadline, 'day'),
        toStep: target.step,
        toAgency: target.agency,
        stepTimeBudget: target.timeBudget,
        stepDueAt: toInstant(
          stepDeadline(context.calendar, command.now, target.timeBudget, processing.pauses),
        ),
      },
    },
  ];
}

export function decideHandOver(
  context: DossierContext,
  state: ExistingDossier,
  command: HandOver,
): [DossierHandedOver] {
  if (isLifecycleEvent(command.event) || command.event === 'APPROVE' || command.event === 'REFUSE') {
    throw new InvalidDossierCommand(
      command.type,
      'event',
      `${command.event} is not a hand-over between steps; use its own command`,
    );
  }
  if (
    !isStepEvent(command.event) &&
    !context.procedure.definition.events.some((e) => e.type === command.event)
  ) {
    throw new InvalidDossierCommand(
      command.type,
      'event',
      `${command.event} is not declared by the procedure`,
    );
  }
  const next = workflowMove(context, state, command.event, command.actor);
  const { processing } = expectStatus(state, 'in-progress');
  const { calendar, settings } = context;
  const from = currentStep(processing);
  const to = stepTarget(context, next);
  return [
    {
      type: 'DossierHandedOver',
      data: {
        event: command.event,
        handedOverAt: toInstant(command.now),
        fromStep: from.step,
        fromAgency: from.agency,
        toStep: to.step,
        toAgency: to.agency,
        interAgency: from.agency !== to.agency,
        stepStartedAt: toInstant(from.startedAt),
        timeBudget: from.timeBudget,
        stepDueAt: toInstant(from.dueAt),
        workingDaysUsed: roundWorkingDays(
          calendar.workingTimeBetween(from.startedAt, command.now, pausedIntervals(processing.pauses)),
        ),
        timeliness: compareTimeliness(command.now, from.dueAt, settings.timelinessGranularity),
        nextStepTimeBudget: to.timeBudget,
        nextStepDueAt: toInstant(stepDeadline(calendar, command.now, to.timeBudget, processing.pauses)),
      },
    },
  ];
}

/**
 * When the window to request a supplement closes: the procedure's N working days (default 3) of processing
 * time after the clock start, i.e. net of excluded intervals, and counted again after a RESTART.
 */
export function supplementWindow(
  context: DossierContext,
  processing: ProcessingRecord,
): { readonly workingDays: number; readonly endsAt: Date } {
  const workingDays =
    context.procedure.definition.supplementRequestWindow ?? context.settings.supplementWindowWorkingDays;
  const endsAt = deadline(
    context.calendar,
    processing.clockStartedAt,
    { unit: 'working-days', value: workingDays },
    context.settings.deadlineMode,
    processing.pauses,
  );
  return { workingDays, endsAt };
}

export function decideRequestSupplement(
  context: DossierContext,
  state: ExistingDossier,
  command: RequestSupplement,
): [SupplementRequested] {
  workflowMove(context, state, 'REQUEST_SUPPLEMENT', command.actor);
  const { processing } = expectStatus(state, 'in-progress');
  const { settings } = context;
  const requestWindow = supplementWindow(context, processing);
  const round = processing.supplementRounds + 1;
  const pastDue = isPastDue(command.now, processing.dueAt);
  const irregularities = [
    // Past the due instant first: once the period has run out there is no clock left to stop.
    ...admit(
      settings,
      pastDue,
      () => irregularityAt('supplement-after-deadline', command.now, processing.dueAt),
      () => new ClockStopAfterDeadline('supplement-after-deadline', processing.dueAt, command.now),
    ),
    ...admit(
      settings,
      !pastDue && command.now > requestWindow.endsAt,
      () => irregularityAt('supplement-window-closed', command.now, requestWindow.endsAt),
      () => new SupplementWindowClosed(requestWindow.workingDays, requestWindow.endsAt, command.now),
    ),
    ...admit(
      settings,
      round > settings.supplementRoundsLimit,
      () =>
        irregularityAt('supplement-rounds-exceeded', command.now, undefined, {
          allowed: settings.supplementRoundsLimit,
          count: round,
        }),
      () => new SupplementRoundsExhausted(settings.supplementRoundsLimit, processing.supplementRounds),
    ),
  ];
  return [
    {
      type: 'SupplementRequested',
      data: {
        requestedAt: toInstant(command.now),
        step: currentStep(processing).step,
        reason: requireText(command.type, 'reason', command.reason),
        missingDocuments: command.missingDocuments,
        policy: processing.supplementPolicy,
        round,
        windowEndsAt: toInstant(requestWindow.endsAt),
        ...(pastDue ? { startedOverdue: true } : {}),
        ...irregularitiesField(irregularities),
      },
    },
  ];
}

interface ResumedDeadlines {
  readonly provisionalCalendarYears?: number[];
  readonly pausedWorkingDays: number;
  readonly dueAt: string;
  readonly statutoryDueAt: string;
  readonly appointmentAt: string;
  readonly stepDueAt: string;
}

/**
 * The deadlines once the open pause ends at `resumedAt`. PAUSE: the time already used counts, so every
 * deadline moves by the paused working time. RESTART: the committed and statutory periods start again from
 * `resumedAt`. The step's budget is always paused, never restarted. A rescheduled appointment (form 04) is a
 * date given in writing and stays, unless the recomputed deadline passes it.
 */
function resumeDeadlines(
  calendar: WorkingDayCalendar,
  processing: ProcessingRecord,
  pausedSince: Date,
  resumedAt: Date,
  restart: boolean,
): ResumedDeadlines {
  const pauses: Pause[] = processing.pauses.map((pause) =>
    pause.to === undefined ? { ...pause, to: resumedAt } : pause,
  );
  // A period that had run out when the clock stopped is not given again: a RESTART after the due instant
  // (only ever in an imported history) keeps the deadline that was missed, so lateness stays late. A PAUSE
  // after the due instant moves nothing by itself: the deadline was reached before the pause.
  const start =
    restart && restartsPeriod('RESTART', pausedSince, processing.dueAt)
      ? resumedAt
      : processing.clockStartedAt;
  const dueAt = deadline(calendar, start, processing.committedDuration, processing.deadlineMode, pauses);
  const statutoryDueAt = deadline(
    calendar,
    start,
    processing.statutoryDuration,
    processing.deadlineMode,
    pauses,
  );
  const appointmentAt = processing.rescheduled ? laterOf(processing.appointmentAt, dueAt) : dueAt;
  const step = currentStep(processing);
  return {
    ...provisionalCalendarField(calendar, start, dueAt, statutoryDueAt),
    pausedWorkingDays: roundWorkingDays(calendar.workingTimeBetween(pausedSince, resumedAt)),
    dueAt: toInstant(dueAt),
    statutoryDueAt: toInstant(statutoryDueAt),
    appointmentAt: toInstant(appointmentAt),
    stepDueAt: toInstant(stepDeadline(calendar, step.startedAt, step.timeBudget, pauses)),
  };
}

export function decideProvideSupplement(
  context: DossierContext,
  state: ExistingDossier,
  command: ProvideSupplement,
): [SupplementProvided] {
  workflowMove(context, state, 'PROVIDE_SUPPLEMENT', command.actor);
  const paused = expectStatus(state, 'paused');
  const { processing } = paused;
  if (command.formData !== undefined) validateApplication(context, command.formData);
  // The supplement is a receipt like the first one: after the cut-off or outside office hours the clock
  // resumes at the next working period.
  const resumedAt = context.calendar.effectiveReceipt(command.now, {
    channel: command.channel,
    cutoff: processing.receiptCutoff,
  });
  const restart = processing.supplementPolicy === 'RESTART';
  return [
    {
      type: 'SupplementProvided',
      data: {
        providedAt: toInstant(command.now),
        resumedAt: toInstant(resumedAt),
        channel: command.channel,
        ...(command.formData === undefined ? {} : { formData: command.formData }),
        addedAttachments: command.attachments ?? [],
        policy: processing.supplementPolicy,
        ...resumeDeadlines(context.calendar, processing, paused.pausedSince, resumedAt, restart),
      },
    },
  ];
}

export function decideStartExcludedInterval(
  context: DossierContext,
  state: ExistingDossier,
  command: StartExcludedInterval,
): [ExcludedIntervalStarted] {
  workflowMove(context, state, 'START_EXCLUDED_INTERVAL', command.actor);
  const { processing } = expectStatus(state, 'in-progress');
  const declared = context.procedure.definition.excludedIntervals;
  const interval = declared.find((candidate) => candidate.kind === command.kind);
  if (interval === undefined) {
    throw new ExcludedIntervalNotDeclared(
      command.kind,
      declared.map((candidate) => candidate.kind),
    );
  }
  const pastDue = isPastDue(command.now, processing.dueAt);
  const irregularities = admit(
    context.settings,
    pastDue,
    () => irregularityAt('excluded-interval-after-deadline', command.now, processing.dueAt),
    () => new ClockStopAfterDeadline('excluded-interval-after-deadline', processing.dueAt, command.now),
  );
  return [
    {
      type: 'ExcludedIntervalStarted',
      data: {
        kind: interval.kind,
        startedAt: toInstant(command.now),
        step: currentStep(processing).step,
        legalBasis: interval.legalBasis,
        ...(command.note === undefined ? {} : { note: command.note }),
        ...(pastDue ? { startedOverdue: true } : {}),
        ...irregularitiesField(irregularities),
      },
    },
  ];
}

export function decideEndExcludedInterval(
  context: DossierContext,
  state: ExistingDossier,
  command: EndExcludedInterval,
): [ExcludedIntervalEnded] {
  workflowMove(context, state, 'END_EXCLUDED_INTERVAL', command.actor);
  const paused = expectStatus(state, 'paused');
  if (paused.pauseKind === 'supplement') {
    throw new Error('Invariant: an excluded interval ends while the dossier waits for a supplement');
  }
  return [
    {
      type: 'ExcludedIntervalEnded',
      data: {
        kind: paused.pauseKind,
        endedAt: toInstant(command.now),
        // Excluded intervals never restart the period: the law only takes them out of it.
        ...resumeDeadlines(context.calendar, paused.processing, paused.pausedSince, command.now, false),
      },
    },
  ];
}

export function decideApprove(
  context: DossierContext,
  state: ExistingDossier,
  command: Approve,
): [DossierApproved] {
  workflowMove(context, state, 'APPROVE', command.actor);
  const { processing } = expectStatus(state, 'in-progress');
  const step = currentStep(processing);
  return [
    {
      type: 'DossierApproved',
      data: {
        approvedAt: toInstant(command.now),
        step: step.step,
        stepDueAt: toInstant(step.dueAt),
        stepWorkingDaysUsed: roundWorkingDays(
          context.calendar.workingTimeBetween(
            step.startedAt,
            command.now,
            pausedIntervals(processing.pauses),
          ),
        ),
        stepTimeliness: compareTimeliness(command.now, step.dueAt, context.settings.timelinessGranularity),
      },
    },
  ];
}

export function decideRefuseResolution(
  context: DossierContext,
  state: ExistingDossier,
  command: RefuseResolution,
): [ResolutionRefused] {
  workflowMove(context, state, 'REFUSE', command.actor);
  const { processing } = expectStatus(state, 'in-progress');
  // The refusal notice must reach the applicant within the resolution period: it is timed against the
  // committed due instant like a result (docs/domain/after-the-deadline.md).
  const timeliness = compareTimeliness(command.now, processing.dueAt, context.settings.timelinessGranularity);
  const irregularities = admit(context.settings, timeliness === 'late', () =>
    irregularityAt('refusal-after-deadline', command.now, processing.dueAt),
  );
  return [
    {
      type: 'ResolutionRefused',
      data: {
        refusedAt: toInstant(command.now),
        step: currentStep(processing).step,
        reason: requireText(command.type, 'reason', command.reason),
        dueAt: toInstant(processing.dueAt),
        granularity: context.settings.timelinessGranularity,
        timeliness,
        ...irregularitiesField(irregularities),
      },
    },
  ];
}
