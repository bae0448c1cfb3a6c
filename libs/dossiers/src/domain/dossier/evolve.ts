// Folds one event into the dossier state. Events are facts that `decide` already checked, so `evolve` never
// refuses: an event that does not fit the state (which only a corrupted or mis-ordered stream can produce)
// leaves the state unchanged. Deadlines are taken from the events, never recomputed.
import { restartsPeriod } from './clock-rules';
import type { Outcome } from '@tthc/procedures';
import type { DossierEvent } from './dossier-events';
import type {
  ClosedDossier,
  DossierState,
  ExistingDossier,
  Pause,
  ProcessingRecord,
  StepClock,
} from './dossier-state';
import { fromInstant } from './instant';

export function evolve(state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'DossierSubmitted': {
      const { data } = event;
      const submittedAt = fromInstant(data.submittedAt);
      return {
        status: 'submitted',
        workflowState: 'submitted',
        intake: {
          dossierId: data.dossierId,
          procedureCode: data.procedureCode,
          procedureVersion: data.procedureVersion,
          agencyCode: data.agencyCode,
          channel: data.channel,
          onlineServiceLevel: data.onlineServiceLevel,
          onlineLevel: data.onlineLevel,
          applicant: data.applicant,
          formData: data.formData,
          attachments: data.attachments,
          paymentReference: data.paymentReference,
          submittedAt,
          lastSubmittedAt: submittedAt,
          completionRequested: false,
        },
      };
    }
    case 'CompletionRequested':
      if (state.status !== 'submitted') return state;
      return {
        ...state,
        workflowState: 'awaiting-completion',
        intake: { ...state.intake, completionRequested: true },
      };
    case 'DossierCompleted': {
      if (state.status !== 'submitted') return state;
      const { data } = event;
      return {
        ...state,
        workflowState: 'resubmitted',
        intake: {
          ...state.intake,
          formData: data.formData ?? state.intake.formData,
          attachments: [...state.intake.attachments, ...data.addedAttachments],
          lastSubmittedAt: fromInstant(data.completedAt),
        },
      };
    }
    case 'ReceiptRefused':
      if (state.status !== 'submitted') return state;
      return close(state, 'refused-to-receive', 'refused-to-receive', event.data.refusedAt);
    case 'DossierReceived': {
      if (state.status !== 'submitted') return state;
      const { data } = event;
      const effectiveReceivedAt = fromInstant(data.effectiveReceivedAt);
      return {
        status: 'in-progress',
        workflowState: 'received',
        intake: state.intake,
        processing: {
          code: data.dossierCode,
          legalRegime: data.legalRegime,
          receivedAt: fromInstant(data.receivedAt),
          acceptedAt: fromInstant(data.acceptedAt),
          effectiveReceivedAt,
          clockStartedAt: effectiveReceivedAt,
          committedDuration: data.committedDuration,
          statutoryDuration: data.statutoryDuration,
          deadlineMode: data.deadlineMode,
          receiptCutoff: data.receiptCutoff,
          supplementPolicy: data.supplementPolicy,
          dueAt: fromInstant(data.dueAt),
          statutoryDueAt: fromInstant(data.statutoryDueAt),
          appointmentAt: fromInstant(data.appointmentAt),
          pauses: [],
          supplementRounds: 0,
          apologised: false,
          rescheduled: false,
          atRisk: false,
        },
      };
    }
    case 'DossierTransferred': {
      if (state.status !== 'in-progress') return state;
      const { data } = event;
      const step: StepClock = {
        step: data.toStep,
        agency: data.toAgency,
        startedAt: fromInstant(data.transferredAt),
        timeBudget: data.stepTimeBudget,
        dueAt: fromInstant(data.stepDueAt),
      };
      return { ...state, workflowState: `${data.toStep}.active`, processing: { ...state.processing, step } };
    }
    case 'DossierHandedOver': {
      if (state.status !== 'in-progress') return state;
      const { data } = event;
      const step: StepClock = {
        step: data.toStep,
        agency: data.toAgency,
        startedAt: fromInstant(data.handedOverAt),
        timeBudget: data.nextStepTimeBudget,
        dueAt: fromInstant(data.nextStepDueAt),
      };
      return { ...state, workflowState: `${data.toStep}.active`, processing: { ...state.processing, step } };
    }
    case 'SupplementRequested': {
      if (state.status !== 'in-progress') return state;
      const from = fromInstant(event.data.requestedAt);
      return {
        status: 'paused',
        workflowState: `${event.data.step}.waiting-for-citizen`,
        intake: state.intake,
        processing: {
          ...state.processing,
          pauses: [...state.processing.pauses, { kind: 'supplement', from }],
          supplementRounds: event.data.round,
        },
        pausedSince: from,
        pauseKind: 'supplement',
      };
    }
    case 'SupplementProvided': {
      if (state.status !== 'paused') return state;
      const { data } = event;
      const resumedAt = fromInstant(data.resumedAt);
      return {
        status: 'in-progress',
        workflowState: activeStateOf(state.workflowState),
        intake: {
          ...state.intake,
          formData: data.formData ?? state.intake.formData,
          attachments: [...state.intake.attachments, ...data.addedAttachments],
        },
        processing: {
          ...resumed(state.processing, resumedAt, data),
          clockStartedAt: restartsPeriod(data.policy, state.pausedSince, state.processing.dueAt)
            ? resumedAt
            : state.processing.clockStartedAt,
        },
      };
    }
    case 'ExcludedIntervalStarted': {
      if (state.status !== 'in-progress') return state;
      const from = fromInstant(event.data.startedAt);
      return {
        status: 'paused',
        workflowState: `${event.data.step}.excluded-interval`,
        intake: state.intake,
        processing: {
          ...state.processing,
          pauses: [...state.processing.pauses, { kind: event.data.kind, from }],
        },
        pausedSince: from,
        pauseKind: event.data.kind,
      };
    }
    case 'ExcludedIntervalEnded': {
      if (state.status !== 'paused') return state;
      const { data } = event;
      return {
        status: 'in-progress',
        workflowState: activeStateOf(state.workflowState),
        intake: state.intake,
        processing: resumed(state.processing, fromInstant(data.endedAt), data),
      };
    }
    case 'DossierApproved':
      if (state.status !== 'in-progress') return state;
      return { ...state, workflowState: 'approved', processing: withoutStep(state.processing) };
    case 'ResolutionRefused':
      if (state.status !== 'in-progress') return state;
      return close(state, 'refused', 'refused', event.data.refusedAt);
    case 'ResultIssued': {
      if (state.status !== 'in-progress') return state;
      const { data } = event;
      return {
        status: 'resolved',
        workflowState: 'result-ready',
        intake: state.intake,
        processing: state.processing,
        resolution: {
          resolvedAt: fromInstant(data.resolvedAt),
          timeliness: data.timeliness,
          statutoryTimeliness: data.statutoryTimeliness,
        },
      };
    }
    case 'ResultReturned':
      if (state.status !== 'resolved') return state;
      return {
        ...close(state, 'returned', 'returned', event.data.returnedAt),
        resolution: state.resolution,
        returnMethod: event.data.method,
      };
    case 'DossierWithdrawn':
      if (state.status === 'empty' || state.status === 'closed') return state;
      return close(state, 'withdrawn', 'withdrawn', event.data.withdrawnAt);
    case 'ApologyIssued':
      return updateProcessing(state, (processing) => ({ ...processing, apologised: true }));
    case 'AppointmentRescheduled':
      return updateProcessing(state, (processing) => ({
        ...processing,
        rescheduled: true,
        appointmentAt: fromInstant(event.data.newAppointmentAt),
      }));
    case 'DossierRated':
      if (state.status !== 'closed') return state;
      return { ...state, rating: event.data.score };
    case 'DossierAtRisk':
      return updateProcessing(state, (processing) => ({ ...processing, atRisk: true }));
  }
}

function activeStateOf(workflowState: string): string {
  return `${workflowState.slice(0, workflowState.lastIndexOf('.'))}.active`;
}

/** Closes the open pause at `to` and takes the deadlines recorded in the resuming event. */
function resumed(
  processing: ProcessingRecord,
  to: Date,
  deadlines: {
    readonly dueAt: string;
    readonly statutoryDueAt: string;
    readonly appointmentAt: string;
    readonly stepDueAt: string;
  },
): ProcessingRecord {
  const pauses: Pause[] = processing.pauses.map((pause) =>
    pause.to === undefined ? { ...pause, to } : pause,
  );
  return {
    ...processing,
    pauses,
    dueAt: fromInstant(deadlines.dueAt),
    statutoryDueAt: fromInstant(deadlines.statutoryDueAt),
    appointmentAt: fromInstant(deadlines.appointmentAt),
    step:
      processing.step === undefined
        ? undefined
        : { ...processing.step, dueAt: fromInstant(deadlines.stepDueAt) },
  };
}

function withoutStep(processing: ProcessingRecord): ProcessingRecord {
  const { step: _step, ...rest } = processing;
  return rest;
}

function updateProcessing(
  state: DossierState,
  update: (processing: ProcessingRecord) => ProcessingRecord,
): DossierState {
  if (state.status === 'empty' || state.status === 'submitted') return state;
  if (state.processing === undefined) return state;
  return { ...state, processing: update(state.processing) };
}

function close(
  state: ExistingDossier,
  workflowState: string,
  outcome: Outcome,
  closedAt: string,
): ClosedDossier {
  const at = fromInstant(closedAt);
  const processing = 'processing' in state ? state.processing : undefined;
  return {
    status: 'closed',
    workflowState,
    outcome,
    closedAt: at,
    intake: state.intake,
    ...(processing === undefined ? {} : { processing: closeOpenPause(processing, at) }),
  };
}

/** A dossier withdrawn while paused: its last pause ends with the dossier. */
function closeOpenPause(processing: ProcessingRecord, at: Date): ProcessingRecord {
  if (processing.pauses.every((pause) => pause.to !== undefined)) return processing;
  return {
    ...processing,
    pauses: processing.pauses.map((pause) => (pause.to === undefined ? { ...pause, to: at } : pause)),
  };
}
