// The dossier as the decider needs it: a union on `status`, folded from the events by `evolve`. The workflow
// position is the compiled procedure's state id (`examine.active`, `approved`, …); the status says what the
// clock does, which is what most rules depend on.
import type { Channel, JsonObject, OnlineServiceLevel, Outcome, SupplementPolicy } from '@tthc/procedures';
import type { DeadlineMode, ProcessingDuration, Timeliness } from '../calendar';
import type { ApplicantDetails, AttachmentMetadata, PauseKind } from './dossier-events';
import type { LegalRegime } from './legal-regime';
import type { NormalisedOnlineLevel } from './online-level';

/** What was submitted, from DossierSubmitted (and DossierCompleted). */
export interface IntakeRecord {
  readonly dossierId: string;
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly agencyCode: string;
  readonly channel: Channel;
  readonly onlineServiceLevel: OnlineServiceLevel;
  readonly onlineLevel: NormalisedOnlineLevel;
  readonly applicant: ApplicantDetails;
  readonly formData: JsonObject;
  readonly attachments: readonly AttachmentMetadata[];
  readonly paymentReference?: string;
  readonly submittedAt: Date;
  /** When the dossier last reached the agency in full: the submission, or the completion after form 02. */
  readonly lastSubmittedAt: Date;
  /** Form 02 was used: guidance is given once. */
  readonly completionRequested: boolean;
}

/** A stopped-clock interval; `to` is absent while it lasts. `to` may lie ahead (a supplement after the cut-off). */
export interface Pause {
  readonly kind: PauseKind;
  readonly from: Date;
  readonly to?: Date;
}

/** The step the dossier is in, for its form 05 line. */
export interface StepClock {
  readonly step: string;
  readonly agency: string;
  readonly startedAt: Date;
  readonly timeBudget: number;
  readonly dueAt: Date;
}

/** Everything about time from receipt on (form 01 and what moved it since). */
export interface ProcessingRecord {
  readonly code: string;
  readonly legalRegime: LegalRegime;
  readonly receivedAt: Date;
  readonly acceptedAt: Date;
  readonly effectiveReceivedAt: Date;
  /** The effective receipt, or the resumption after a supplement under RESTART. */
  readonly clockStartedAt: Date;
  readonly committedDuration: ProcessingDuration;
  readonly statutoryDuration: ProcessingDuration;
  readonly deadlineMode: DeadlineMode;
  readonly receiptCutoff: string;
  readonly supplementPolicy: SupplementPolicy;
  /** The committed deadline, moved only by pauses and restarts (never by an apology). */
  readonly dueAt: Date;
  readonly statutoryDueAt: Date;
  /** What the citizen was told: dueAt, or the rescheduled date after form 04. */
  readonly appointmentAt: Date;
  readonly pauses: readonly Pause[];
  readonly step?: StepClock;
  readonly supplementRounds: number;
  readonly apologised: boolean;
  readonly rescheduled: boolean;
  readonly atRisk: boolean;
}

export interface ResolutionRecord {
  readonly resolvedAt: Date;
  readonly timeliness: Timeliness;
  readonly statutoryTimeliness: Timeliness;
}

export interface EmptyDossier {
  readonly status: 'empty';
}

/** At intake (submitted, awaiting-completion, resubmitted): the clock has not started. */
export interface SubmittedDossier {
  readonly status: 'submitted';
  readonly workflowState: string;
  readonly intake: IntakeRecord;
}

/** Received, in a step, or approved: the clock runs. */
export interface InProgressDossier {
  readonly status: 'in-progress';
  readonly workflowState: string;
  readonly intake: IntakeRecord;
  readonly processing: ProcessingRecord;
}

/** Waiting for the citizen's supplement or in an excluded interval: the clock stands still. */
export interface PausedDossier {
  readonly status: 'paused';
  readonly workflowState: string;
  readonly intake: IntakeRecord;
  readonly processing: ProcessingRecord;
  readonly pausedSince: Date;
  readonly pauseKind: PauseKind;
}

/** Result issued, not yet handed over: counts as resolved. */
export interface ResolvedDossier {
  readonly status: 'resolved';
  readonly workflowState: string;
  readonly intake: IntakeRecord;
  readonly processing: ProcessingRecord;
  readonly resolution: ResolutionRecord;
}

export interface ClosedDossier {
  readonly status: 'closed';
  readonly workflowState: string;
  readonly outcome: Outcome;
  readonly closedAt: Date;
  readonly intake: IntakeRecord;
  /** Absent when the dossier never got past intake (refused to receive, withdrawn at intake). */
  readonly processing?: ProcessingRecord;
  readonly resolution?: ResolutionRecord;
  readonly returnMethod?: Channel;
  readonly rating?: number;
}

export type DossierState =
  EmptyDossier | SubmittedDossier | InProgressDossier | PausedDossier | ResolvedDossier | ClosedDossier;

export type DossierStatus = DossierState['status'];

export type ExistingDossier = Exclude<DossierState, EmptyDossier>;
/** States with a running or stopped processing clock. */
export type ReceivedDossier = InProgressDossier | PausedDossier | ResolvedDossier;

export function initialState(): DossierState {
  return { status: 'empty' };
}

export function processingOf(state: DossierState): ProcessingRecord | undefined {
  return 'processing' in state ? state.processing : undefined;
}
