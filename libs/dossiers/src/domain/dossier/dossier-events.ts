// The dossier's events: facts in the language of docs/domain/lifecycle-and-forms.md (forms 01–05), readonly `{ type, data }` with
// string-literal types. The infrastructure wraps them with metadata (event id, actor, correlation, occurredAt).
//
// Every event that changes a deadline records the new value: projections and statistics read deadlines from
// the log and never recompute them from a calendar, so a later calendar correction never rewrites history.
// Instants are ISO-8601 UTC strings (the data is stored as JSON); working-day figures are rounded to 4 decimals.
import type {
  Channel,
  ExcludedIntervalKind,
  JsonObject,
  LocalisedText,
  OnlineServiceLevel,
  SupplementPolicy,
} from '@tthc/procedures';
import type { DeadlineMode, ProcessingDuration, Timeliness, TimelinessGranularity } from '../calendar';
import type { Irregularity } from './clock-rules';
import type { Instant } from './instant';
import type { LegalRegime } from './legal-regime';
import type { NormalisedOnlineLevel } from './online-level';

/** Kept exactly as given: encrypting personal data is the event store's job, not the domain's. */
export interface ApplicantDetails {
  readonly name: string;
  readonly nationalId: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
}

/** A file the applicant attached; the content lives in object storage, the log keeps its description. */
export interface AttachmentMetadata {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** The procedure's required-document code this file answers, when known. */
  readonly documentCode?: string;
  readonly sha256?: string;
}

/** A document the officer asks for (form 02): by the procedure's document code where there is one. */
export interface MissingDocument {
  readonly code?: string;
  readonly name: string;
  readonly note?: string;
}

export interface OfficerRef {
  readonly id: string;
  readonly agency?: string;
}

/** Why the clock is stopped: the citizen's supplement, or an interval the law excludes (kind per procedure). */
export type PauseKind = 'supplement' | ExcludedIntervalKind;

type Event<Type extends string, Data> = { readonly type: Type; readonly data: Readonly<Data> };

export type DossierSubmitted = Event<
  'DossierSubmitted',
  {
    dossierId: string;
    procedureCode: string;
    procedureVersion: number;
    /** The competent agency's electronic identifier code. */
    agencyCode: string;
    channel: Channel;
    /** The procedure's level as published when the dossier was submitted (it changes over time). */
    onlineServiceLevel: OnlineServiceLevel;
    /**
     * The dossier's own level: none at the counter and by post; online, the level it was submitted at (at
     * most the procedure's on the live intake). Events written before this rule carry the procedure's level
     * for every channel; readers take a non-online channel as none (docs/domain/online-service-levels.md).
     */
    onlineLevel: NormalisedOnlineLevel;
    /** The unit code of the administrative unit the applicant lives in, when given (travel costs). */
    applicantLocality?: string;
    applicant: ApplicantDetails;
    formData: JsonObject;
    attachments: readonly AttachmentMetadata[];
    paymentReference?: string;
    submittedAt: Instant;
  }
>;

/** Form 01: receipt and appointment slip, times to the minute. */
export type DossierReceived = Event<
  'DossierReceived',
  {
    dossierCode: string;
    /**
     * The legal receipt instant printed on the slip: when the officer accepts a counter or postal dossier; for
     * an online dossier, when the (completed) dossier was submitted: the counter's own checking time counts.
     */
    receivedAt: Instant;
    /** When the receiving officer accepted it. */
    acceptedAt: Instant;
    /** When the clock starts: after the cut-off, the next working day; outside office hours, the next period. */
    effectiveReceivedAt: Instant;
    legalRegime: LegalRegime;
    committedDuration: ProcessingDuration;
    statutoryDuration: ProcessingDuration;
    deadlineMode: DeadlineMode;
    receiptCutoff: string;
    supplementPolicy: SupplementPolicy;
    /** The committed deadline: what statistics compare with (never moved by an apology). */
    dueAt: Instant;
    statutoryDueAt: Instant;
    /** The return appointment on the slip (= dueAt at receipt). */
    appointmentAt: Instant;
    /** Years the deadlines cross that had no confirmed official calendar: computed on a provisional one. */
    provisionalCalendarYears?: readonly number[];
    receivingOfficer: OfficerRef;
  }
>;

/** Form 02 before acceptance: guidance given once, in writing, fully. */
export type CompletionRequested = Event<
  'CompletionRequested',
  { requestedAt: Instant; missingDocuments: readonly MissingDocument[]; guidance: string }
>;

export type DossierCompleted = Event<
  'DossierCompleted',
  {
    completedAt: Instant;
    channel: Channel;
    /** The corrected application, when it changed. */
    formData?: JsonObject;
    addedAttachments: readonly AttachmentMetadata[];
  }
>;

/** Form 03: refused at intake, never counted as received. */
export type ReceiptRefused = Event<'ReceiptRefused', { refusedAt: Instant; reason: string }>;

export type DossierTransferred = Event<
  'DossierTransferred',
  {
    transferredAt: Instant;
    /** Immediately (the receipt instant), or the start of the next working day after the cut-off. */
    transferDeadline: Instant;
    /** Against transferDeadline at day granularity: "immediately" is not measured to the minute. */
    timeliness: Timeliness;
    toStep: string;
    toAgency: string;
    stepTimeBudget: number;
    stepDueAt: Instant;
  }
>;

/** Form 05 line: one hand-over, with the finished step's own early / on-time / late mark. */
export type DossierHandedOver = Event<
  'DossierHandedOver',
  {
    /** The definition's event, e.g. HAND_OVER, SUBMIT_FOR_SIGNATURE, SEND_BACK. */
    event: string;
    handedOverAt: Instant;
    fromStep: string;
    fromAgency: string;
    toStep: string;
    toAgency: string;
    /** True when the dossier crosses to another agency (liên thông). */
    interAgency: boolean;
    stepStartedAt: Instant;
    timeBudget: number;
    stepDueAt: Instant;
    /** Working days the finished step took, net of pauses. */
    workingDaysUsed: number;
    timeliness: Timeliness;
    nextStepTimeBudget: number;
    nextStepDueAt: Instant;
  }
>;

/** After acceptance (form 02 in the processing phase): the clock stops until the citizen supplements. */
export type SupplementRequested = Event<
  'SupplementRequested',
  {
    requestedAt: Instant;
    step: string;
    reason: string;
    missingDocuments: readonly MissingDocument[];
    policy: SupplementPolicy;
    /** 1 for the first request on this dossier. */
    round: number;
    /** The end of the window in which this request was allowed. */
    windowEndsAt: Instant;
    /** Requested after the due instant (imported histories only): the pause hides no lateness. */
    startedOverdue?: true;
    /** Rules the request broke (imported histories; docs/domain/after-the-deadline.md). */
    irregularities?: readonly Irregularity[];
  }
>;

export type SupplementProvided = Event<
  'SupplementProvided',
  {
    providedAt: Instant;
    /** When the clock runs again (after the cut-off or outside office hours: the next working period). */
    resumedAt: Instant;
    channel: Channel;
    formData?: JsonObject;
    addedAttachments: readonly AttachmentMetadata[];
    policy: SupplementPolicy;
    /** Working time the clock stood still. */
    pausedWorkingDays: number;
    /**
     * PAUSE: moved by the paused working time; RESTART: the full period again from resumedAt, unless the
     * period had run out when the clock stopped (then unchanged).
     */
    dueAt: Instant;
    statutoryDueAt: Instant;
    appointmentAt: Instant;
    stepDueAt: Instant;
    provisionalCalendarYears?: readonly number[];
  }
>;

export type ExcludedIntervalStarted = Event<
  'ExcludedIntervalStarted',
  {
    kind: ExcludedIntervalKind;
    startedAt: Instant;
    step: string;
    legalBasis: string;
    note?: string;
    /** Started after the due instant (imported histories only): the pause hides no lateness. */
    startedOverdue?: true;
    irregularities?: readonly Irregularity[];
  }
>;

export type ExcludedIntervalEnded = Event<
  'ExcludedIntervalEnded',
  {
    kind: ExcludedIntervalKind;
    endedAt: Instant;
    pausedWorkingDays: number;
    dueAt: Instant;
    statutoryDueAt: Instant;
    appointmentAt: Instant;
    stepDueAt: Instant;
    provisionalCalendarYears?: readonly number[];
  }
>;

export type DossierApproved = Event<
  'DossierApproved',
  {
    approvedAt: Instant;
    step: string;
    stepDueAt: Instant;
    stepWorkingDaysUsed: number;
    stepTimeliness: Timeliness;
  }
>;

/**
 * Refused to resolve, with reasons (form 03's counterpart after acceptance). The notice must come within the
 * resolution period, so it is timed against the committed deadline like a result. Events recorded before
 * this rule carry no dueAt and no timeliness.
 */
export type ResolutionRefused = Event<
  'ResolutionRefused',
  {
    refusedAt: Instant;
    step: string;
    reason: string;
    dueAt?: Instant;
    granularity?: TimelinessGranularity;
    timeliness?: Timeliness;
    irregularities?: readonly Irregularity[];
  }
>;

/** The dossier counts as resolved now (docs/domain/statistics-ii06a.md), whenever the citizen collects the result. */
export type ResultIssued = Event<
  'ResultIssued',
  {
    resolvedAt: Instant;
    electronic: boolean;
    /** The committed deadline kept through any rescheduling: what timeliness is measured against. */
    dueAt: Instant;
    statutoryDueAt: Instant;
    appointmentAt: Instant;
    granularity: TimelinessGranularity;
    timeliness: Timeliness;
    statutoryTimeliness: Timeliness;
    /** From the effective receipt to the resolution, net of every pause. */
    workingDaysUsed: number;
    /** Negative when late. */
    workingDaysBeforeDue: number;
    workingDaysBeforeStatutoryDue: number;
    /** Late dossiers are reported with / without apology. */
    apologised: boolean;
    /** `late-without-apology` when late and no form 04 was issued. */
    irregularities?: readonly Irregularity[];
  }
>;

export type ResultReturned = Event<'ResultReturned', { returnedAt: Instant; method: Channel }>;

export type DossierWithdrawn = Event<
  'DossierWithdrawn',
  { withdrawnAt: Instant; reason: string; fromState: string }
>;

/** Form 04, first half: the body at fault apologises. */
export type ApologyIssued = Event<
  'ApologyIssued',
  {
    issuedAt: Instant;
    reason: string;
    agencyCode: string;
    originalDueAt: Instant;
    workingDaysLeft: number;
    /** `apology-too-late` when issued with less than a working day left (imported histories). */
    irregularities?: readonly Irregularity[];
  }
>;

/** Form 04, second half: the new return date (at most once); statistics keep `originalDueAt`. */
export type AppointmentRescheduled = Event<
  'AppointmentRescheduled',
  {
    rescheduledAt: Instant;
    previousAppointmentAt: Instant;
    newAppointmentAt: Instant;
    originalDueAt: Instant;
    reason: string;
  }
>;

export type DossierRated = Event<
  'DossierRated',
  { ratedAt: Instant; score: 1 | 2 | 3 | 4 | 5; comment?: string }
>;

/** Raised once by the scheduler while the clock runs and little working time is left. */
export type DossierAtRisk = Event<
  'DossierAtRisk',
  {
    flaggedAt: Instant;
    dueAt: Instant;
    appointmentAt: Instant;
    workingDaysLeft: number;
    thresholdWorkingHours: number;
    /**
     * A form 04 draft for the officer to complete (reason, new date, applicant) and issue; absent when form 04
     * can no longer be issued (less than a working day left) or was issued already.
     */
    draftApology?: LocalisedText;
  }
>;

export type DossierEvent =
  | DossierSubmitted
  | DossierReceived
  | CompletionRequested
  | DossierCompleted
  | ReceiptRefused
  | DossierTransferred
  | DossierHandedOver
  | SupplementRequested
  | SupplementProvided
  | ExcludedIntervalStarted
  | ExcludedIntervalEnded
  | DossierApproved
  | ResolutionRefused
  | ResultIssued
  | ResultReturned
  | DossierWithdrawn
  | ApologyIssued
  | AppointmentRescheduled
  | DossierRated
  | DossierAtRisk;

export type DossierEventType = DossierEvent['type'];

export const DOSSIER_EVENT_TYPES: readonly DossierEventType[] = [
  'DossierSubmitted',
  'DossierReceived',
  'CompletionRequested',
  'DossierCompleted',
  'ReceiptRefused',
  'DossierTransferred',
  'DossierHandedOver',
  'SupplementRequested',
  'SupplementProvided',
  'ExcludedIntervalStarted',
  'ExcludedIntervalEnded',
  'DossierApproved',
  'ResolutionRefused',
  'ResultIssued',
  'ResultReturned',
  'DossierWithdrawn',
  'ApologyIssued',
  'AppointmentRescheduled',
  'DossierRated',
  'DossierAtRisk',
];
