// One line of an import file → a checked ImportRecord, or the reason it is not one. The format itself is
// described in import-dossiers.handler.ts; the decider checks everything a live command would be checked for,
// this only checks the shape it needs to build the commands.
import { CHANNELS, type Channel, type JsonObject } from '@tthc/procedures';
import type { AttachmentInput } from '../attachments';
import {
  isUnitCode,
  parseDossierOnlineLevel,
  type ApplicantDetails,
  type DossierActor,
  type NormalisedOnlineLevel,
} from '../../domain/dossier';

export interface ImportStep {
  readonly action: string;
  readonly at: Date;
  readonly actor: DossierActor;
  /** The action's own fields (event, reason, method, …), as written in the file. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface ImportRecord {
  readonly externalId: string;
  readonly procedureCode: string;
  readonly procedureVersion?: number;
  readonly channel: Channel;
  /** The level the dossier was really submitted at, normalised (legacy 4 → full, 3 → partial, 1–2 → none). */
  readonly onlineLevel?: NormalisedOnlineLevel;
  readonly applicantLocality?: string;
  readonly applicant: ApplicantDetails;
  readonly formData: JsonObject;
  readonly attachments: readonly AttachmentInput[];
  readonly paymentReference?: string;
  /** The legacy dossier code, kept when it is a valid code of the receiving unit and receipt date. */
  readonly code?: string;
  readonly submittedAt: Date;
  readonly submittedBy: DossierActor;
  readonly steps: readonly ImportStep[];
}

/** The line is not a usable record: bad JSON or a missing / mistyped field. */
export class InvalidImportLine extends Error {
  constructor(
    message: string,
    readonly externalId?: string,
  ) {
    super(message);
    this.name = 'InvalidImportLine';
  }
}

/** Who submitted when the file does not say: the legacy system, as an integration. */
export const LEGACY_SUBMITTER: DossierActor = { id: 'legacy-import', role: 'integration' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function instant(value: unknown, where: string, externalId: string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (typeof value !== 'string' || !/T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidImportLine(
      `${where} must be an ISO instant with its offset, e.g. 2025-03-04T09:15:00+07:00`,
      externalId,
    );
  }
  return date;
}

function actorOf(value: unknown, where: string, externalId: string): DossierActor {
  if (
    !isObject(value) ||
    typeof value.id !== 'string' ||
    typeof value.role !== 'string' ||
    !value.id ||
    !value.role
  ) {
    throw new InvalidImportLine(`${where} must be { "id", "role" [, "agency"] }`, externalId);
  }
  return {
    id: value.id,
    role: value.role,
    ...(typeof value.agency === 'string' ? { agency: value.agency } : {}),
  };
}

/** @throws InvalidImportLine */
export function parseImportLine(text: string): ImportRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InvalidImportLine(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw new InvalidImportLine('a line must be one JSON object');
  const externalId = raw.externalId;
  if (typeof externalId !== 'string' || externalId.trim() === '') {
    throw new InvalidImportLine('externalId must be a non-empty string');
  }
  const fail = (message: string): never => {
    throw new InvalidImportLine(message, externalId);
  };
  if (typeof raw.procedureCode !== 'string' || raw.procedureCode === '')
    fail('procedureCode must be a string');
  if (raw.procedureVersion !== undefined && !Number.isInteger(raw.procedureVersion)) {
    fail('procedureVersion must be a whole number');
  }
  if (!CHANNELS.includes(raw.channel as Channel)) fail(`channel must be one of ${CHANNELS.join(', ')}`);
  if (
    raw.applicantLocality !== undefined &&
    (typeof raw.applicantLocality !== 'string' || !isUnitCode(raw.applicantLocality))
  ) {
    fail('applicantLocality must be a unit code like 000.32.18.H56');
  }
  const onlineLevel = raw.onlineLevel === undefined ? undefined : parseDossierOnlineLevel(raw.onlineLevel);
  if (raw.onlineLevel !== undefined && onlineLevel === undefined)
    fail('onlineLevel must be full, partial or none, or a legacy level 1 to 4');
  if (!isObject(raw.applicant)) fail('applicant must be an object');
  if (!isObject(raw.formData)) fail('formData must be an object');
  if (raw.attachments !== undefined && !Array.isArray(raw.attachments)) fail('attachments must be an array');
  if (raw.code !== undefined && typeof raw.code !== 'string') fail('code must be a string');
  if (raw.paymentReference !== undefined && typeof raw.paymentReference !== 'string') {
    fail('paymentReference must be a string');
  }
  if (!Array.isArray(raw.steps)) fail('steps must be an array');
  const steps = (raw.steps as unknown[]).map((step, index): ImportStep => {
    const where = `steps[${index}]`;
    if (!isObject(step) || typeof step.action !== 'string') fail(`${where}.action must be a string`);
    const { action, at, actor, ...fields } = step as Record<string, unknown>;
    return {
      action: action as string,
      at: instant(at, `${where}.at`, externalId),
      actor: actorOf(actor, `${where}.actor`, externalId),
      fields,
    };
  });
  steps.forEach((step, index) => {
    if (index > 0 && step.at.getTime() < steps[index - 1].at.getTime()) {
      fail(`steps[${index}].at is before steps[${index - 1}].at: steps must be in time order`);
    }
  });
  const submittedAt =
    raw.submittedAt === undefined
      ? (steps[0]?.at ?? fail('submittedAt is needed when there are no steps'))
      : instant(raw.submittedAt, 'submittedAt', externalId);
  if (steps.length > 0 && steps[0].at.getTime() < submittedAt.getTime()) {
    fail('steps[0].at is before submittedAt');
  }
  return {
    externalId,
    procedureCode: raw.procedureCode as string,
    ...(raw.procedureVersion === undefined ? {} : { procedureVersion: raw.procedureVersion as number }),
    channel: raw.channel as Channel,
    ...(onlineLevel === undefined ? {} : { onlineLevel }),
    ...(raw.applicantLocality === undefined ? {} : { applicantLocality: raw.applicantLocality as string }),
    applicant: raw.applicant as unknown as ApplicantDetails,
    formData: raw.formData as JsonObject,
    attachments: (raw.attachments ?? []) as AttachmentInput[],
    ...(raw.paymentReference === undefined ? {} : { paymentReference: raw.paymentReference as string }),
    ...(raw.code === undefined ? {} : { code: raw.code as string }),
    submittedAt,
    submittedBy:
      raw.submittedBy === undefined ? LEGACY_SUBMITTER : actorOf(raw.submittedBy, 'submittedBy', externalId),
    steps,
  };
}
