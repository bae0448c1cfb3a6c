// What callers ask of a dossier. Every command carries `now` and the `actor`: the domain never reads a clock
// and never makes up ids. Commands are readonly and discriminated on `type`.
import type { Channel, ExcludedIntervalKind, JsonObject } from '@tthc/procedures';
import type { ApplicantDetails, AttachmentMetadata, MissingDocument } from './dossier-events';
import type { NormalisedOnlineLevel } from './online-level';

/** Who acts: a person or a machine, with the role they act in (a procedure role id or a built-in role). */
export interface DossierActor {
  readonly id: string;
  readonly role: string;
  /** The actor's agency (electronic identifier code), when known. */
  readonly agency?: string;
}

type Command<Type extends string, Data = object> = Readonly<{ type: Type; now: Date; actor: DossierActor }> &
  Readonly<Data>;

export type SubmitDossier = Command<
  'SubmitDossier',
  {
    dossierId: string;
    procedureCode: string;
    procedureVersion: number;
    channel: Channel;
    /** The level an online dossier was submitted at (default: the procedure's); none otherwise. */
    onlineLevel?: NormalisedOnlineLevel;
    /** The unit code of the administrative unit the applicant lives in, when known. */
    applicantLocality?: string;
    applicant: ApplicantDetails;
    formData: JsonObject;
    attachments?: readonly AttachmentMetadata[];
    paymentReference?: string;
  }
>;

/** `code` comes from infrastructure: `formatDossierCode(unit, local receipt date, daily sequence)`. */
export type ReceiveDossier = Command<'ReceiveDossier', { code: string }>;

export type RequestCompletion = Command<
  'RequestCompletion',
  { missingDocuments: readonly MissingDocument[]; guidance: string }
>;

export type CompleteDossier = Command<
  'CompleteDossier',
  { channel: Channel; formData?: JsonObject; attachments?: readonly AttachmentMetadata[] }
>;

export type RefuseReceipt = Command<'RefuseReceipt', { reason: string }>;

export type TransferDossier = Command<'TransferDossier'>;

/** Moves the dossier between steps with one of the definition's events (HAND_OVER or a declared one). */
export type HandOver = Command<'HandOver', { event: string }>;

export type RequestSupplement = Command<
  'RequestSupplement',
  { reason: string; missingDocuments: readonly MissingDocument[] }
>;

export type ProvideSupplement = Command<
  'ProvideSupplement',
  { channel: Channel; formData?: JsonObject; attachments?: readonly AttachmentMetadata[] }
>;

export type StartExcludedInterval = Command<
  'StartExcludedInterval',
  { kind: ExcludedIntervalKind; note?: string }
>;

export type EndExcludedInterval = Command<'EndExcludedInterval'>;

export type Approve = Command<'Approve'>;

export type RefuseResolution = Command<'RefuseResolution', { reason: string }>;

export type IssueResult = Command<'IssueResult', { electronic?: boolean }>;

export type ReturnResult = Command<'ReturnResult', { method: Channel }>;

export type Withdraw = Command<'Withdraw', { reason: string }>;

/** Form 04: apology with the reason and the new return appointment. */
export type IssueApology = Command<'IssueApology', { reason: string; newAppointmentAt: Date }>;

export type Rate = Command<'Rate', { score: number; comment?: string }>;

/** Sent by the scheduler; the decider decides whether the dossier is at risk now. */
export type FlagAtRisk = Command<'FlagAtRisk'>;

export type DossierCommand =
  | SubmitDossier
  | ReceiveDossier
  | RequestCompletion
  | CompleteDossier
  | RefuseReceipt
  | TransferDossier
  | HandOver
  | RequestSupplement
  | ProvideSupplement
  | StartExcludedInterval
  | EndExcludedInterval
  | Approve
  | RefuseResolution
  | IssueResult
  | ReturnResult
  | Withdraw
  | IssueApology
  | Rate
  | FlagAtRisk;

export type DossierCommandType = DossierCommand['type'];
