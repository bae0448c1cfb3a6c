// What the dossier use cases answer: plain JSON-able objects (command answers are stored for idempotent
// retries, so every instant is an ISO-8601 string). The API's DTO classes document the same shapes.
import type { JsonObject, LocalisedText } from '@tthc/procedures';
import type { AttachmentMetadata } from '../domain/dossier';
import type { ApplicantView, PersonalDataAccess } from './personal-data';

/** The answer to a submission and to every workflow action. */
export interface DossierActionResult {
  readonly dossierId: string;
  /** The decider command that ran, e.g. `ReceiveDossier`. */
  readonly action: string;
  /** Types of the events it recorded (none for a FlagAtRisk with nothing to flag). */
  readonly events: readonly string[];
  /** The dossier's stream version after the command. */
  readonly version: number;
  readonly status: string;
  readonly workflowState: string;
  readonly workflowStateName: LocalisedText | null;
  /** Set from receipt on (form 01). */
  readonly code: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly appointmentAt: string | null;
  /** The appointment as printed on the slip: `HH:MM dd/MM/yyyy`, Asia/Ho_Chi_Minh. */
  readonly appointmentLocal: string | null;
  /** What the acting role may do next (workflow events, e.g. `TRANSFER`, `SUBMIT_FOR_SIGNATURE`). */
  readonly allowedActions: readonly string[];
}

export interface DossierActionOutcome {
  readonly result: DossierActionResult;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean;
}

/** A dossier as worklists show it. */
export interface DossierSummary {
  readonly id: string;
  readonly code: string | null;
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly agencyCode: string;
  /** Where the dossier is now: the agency of its current step (liên thông), else the competent agency. */
  readonly currentAgency: string;
  readonly currentStep: string | null;
  readonly channel: string;
  readonly onlineLevel: string;
  readonly status: string;
  readonly workflowState: string;
  readonly outcome: string | null;
  readonly submittedAt: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly appointmentAt: string | null;
  readonly appointmentLocal: string | null;
  readonly pauseKind: string | null;
  readonly pausedSince: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly timeliness: string | null;
  readonly supplementRounds: number;
  readonly apologised: boolean;
  readonly atRisk: boolean;
  readonly rating: number | null;
  readonly applicant: ApplicantView;
  readonly personalData: PersonalDataAccess;
}

/** The live clock (dossierClock) at `asOf`. */
export interface DossierClockView {
  readonly clock: 'not-started' | 'running' | 'paused' | 'stopped' | 'unavailable';
  readonly asOf: string;
  readonly dueAt?: string;
  readonly statutoryDueAt?: string;
  readonly appointmentAt?: string;
  /** Fractional working days; negative when overdue; null while a RESTART supplement is awaited. */
  readonly workingDaysLeft?: number | null;
  readonly overdue?: boolean;
  readonly pausedSince?: string;
  readonly pauseKind?: string;
  readonly stoppedAt?: string;
  /** Years from now to the deadline with no confirmed official calendar: computed on a provisional one. */
  readonly provisionalCalendarYears?: readonly number[];
  /** Why the clock is `unavailable`, e.g. `calendar-year-missing` with the year. */
  readonly problem?: string;
  readonly year?: number;
}

export interface TimelineItem {
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly occurredLocal: string;
  readonly label: LocalisedText;
  readonly actor: {
    readonly id: string;
    readonly role: string | null;
    readonly agency: string | null;
  } | null;
  readonly details: Record<string, unknown>;
}

export interface DossierDetails extends DossierSummary {
  readonly procedureName: LocalisedText;
  readonly workflowStateName: LocalisedText | null;
  readonly effectiveReceivedAt: string | null;
  readonly statutoryDueAt: string | null;
  readonly legalRegime: string | null;
  readonly statutoryTimeliness: string | null;
  readonly returnMethod: string | null;
  readonly stepDueAt: string | null;
  /** Only with full personal data (an official of the dossier's agency). */
  readonly formData?: JsonObject;
  readonly attachments?: readonly AttachmentMetadata[];
  readonly paymentReference?: string | null;
  readonly clock: DossierClockView;
  /** What the reading role may do now (workflow events); empty for the citizen lookup. */
  readonly allowedActions: readonly string[];
  /** From the dossier_timeline read model: it may lag the dossier by a moment. */
  readonly timeline: readonly TimelineItem[];
  readonly version: number;
}

export interface WorklistPage {
  readonly items: readonly DossierSummary[];
  /** Pass as `cursor` for the next page; null on the last. */
  readonly nextCursor: string | null;
}
