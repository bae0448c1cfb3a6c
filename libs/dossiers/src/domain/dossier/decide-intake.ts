// Intake at the one-stop counter (docs/domain/lifecycle-and-forms.md): submission, guidance once (form 02), refusal (form 03), and
// receipt with the appointment slip (form 01), whose deadlines are computed here once and recorded.
import { LIFECYCLE_ROLES, type JsonObject } from '@tthc/procedures';
import type { DossierContext } from './dossier-context';
import { isUnitCode, parseDossierCode } from './dossier-code';
import type {
  CompleteDossier,
  ReceiveDossier,
  RefuseReceipt,
  RequestCompletion,
  SubmitDossier,
} from './dossier-commands';
import type {
  CompletionRequested,
  DossierCompleted,
  DossierReceived,
  DossierSubmitted,
  ReceiptRefused,
} from './dossier-events';
import type { DossierState, ExistingDossier } from './dossier-state';
import { deadline, provisionalCalendarField, toProcessingDuration } from './deadlines';
import {
  ChannelNotOffered,
  CompletionAlreadyRequested,
  DossierActionNotAllowed,
  DossierAlreadySubmitted,
  InvalidApplication,
  InvalidDossierCommand,
} from './errors';
import { toInstant } from './instant';
import { legalRegime } from './legal-regime';
import { normaliseOnlineLevel, type NormalisedOnlineLevel } from './online-level';
import { allowedEvents, expectStatus, requireText, workflowMove } from './workflow-move';

export function decideSubmit(
  { procedure }: DossierContext,
  state: DossierState,
  command: SubmitDossier,
): [DossierSubmitted] {
  if (state.status !== 'empty') throw new DossierAlreadySubmitted(state.intake.dossierId);
  const { definition } = procedure;
  const submitRoles: readonly string[] = LIFECYCLE_ROLES.SUBMIT;
  if (!submitRoles.includes(command.actor.role)) {
    const message = `The role "${command.actor.role}" may not submit a dossier (only ${submitRoles.join(', ')}).`;
    const messageVi = `Vai trò "${command.actor.role}" không được nộp hồ sơ (chỉ ${submitRoles.join(', ')}).`;
    throw new DossierActionNotAllowed(
      'SUBMIT',
      'empty',
      command.actor.role,
      'role-not-allowed',
      [],
      message,
      messageVi,
    );
  }
  if (command.procedureCode !== definition.code) {
    throw new InvalidDossierCommand(
      command.type,
      'procedureCode',
      `is ${command.procedureCode}, but the dossier is decided with procedure ${definition.code}`,
    );
  }
  const offered = normaliseOnlineLevel(definition.onlineServiceLevel);
  if (command.channel === 'online' && offered === 'none') {
    throw new ChannelNotOffered(definition.code, command.channel);
  }
  const onlineLevel = submittedOnlineLevel(command, offered);
  if (command.applicantLocality !== undefined && !isUnitCode(command.applicantLocality)) {
    throw new InvalidDossierCommand(
      command.type,
      'applicantLocality',
      'must be a unit code like 000.32.18.H56',
    );
  }
  validateApplication({ procedure }, command.formData);
  return [
    {
      type: 'DossierSubmitted',
      data: {
        dossierId: command.dossierId,
        procedureCode: definition.code,
        procedureVersion: command.procedureVersion,
        agencyCode: definition.agency.code,
        channel: command.channel,
        onlineServiceLevel: definition.onlineServiceLevel,
        onlineLevel,
        ...(command.applicantLocality === undefined ? {} : { applicantLocality: command.applicantLocality }),
        applicant: command.applicant,
        formData: command.formData,
        attachments: command.attachments ?? [],
        ...(command.paymentReference === undefined ? {} : { paymentReference: command.paymentReference }),
        submittedAt: toInstant(command.now),
      },
    },
  ];
}

/**
 * The online level is the dossier's, not the procedure's (docs/domain/online-service-levels.md): a counter or
 * postal dossier is at none; an online one at the level it was submitted at, by default the level the
 * procedure offers. Whether a stated level exceeds the offer is the live intake's check (the import keeps
 * the level a past dossier really had, whatever the procedure offers today).
 */
function submittedOnlineLevel(command: SubmitDossier, offered: NormalisedOnlineLevel): NormalisedOnlineLevel {
  const stated = command.onlineLevel;
  if (command.channel !== 'online') {
    if (stated !== undefined && stated !== 'none') {
      throw new InvalidDossierCommand(
        command.type,
        'onlineLevel',
        `is ${stated}, but a ${command.channel} submission is not online: its level is none`,
      );
    }
    return 'none';
  }
  if (stated === 'none') {
    throw new InvalidDossierCommand(command.type, 'onlineLevel', 'is none, but the submission is online');
  }
  return stated ?? offered;
}

export function decideReceive(
  context: DossierContext,
  state: ExistingDossier,
  command: ReceiveDossier,
): [DossierReceived] {
  workflowMove(context, state, 'RECEIVE', command.actor);
  const { intake } = expectStatus(state, 'submitted');
  parseDossierCode(command.code);
  const { procedure, calendar, settings } = context;
  const { definition } = procedure;
  // An online dossier is received when it reached the agency in full; the counter's checking time counts.
  const receivedAt = intake.channel === 'online' ? intake.lastSubmittedAt : command.now;
  const effectiveReceivedAt = calendar.effectiveReceipt(receivedAt, {
    channel: intake.channel,
    cutoff: definition.receiptCutoff,
  });
  const committedDuration = toProcessingDuration(definition.committedDuration);
  const statutoryDuration = toProcessingDuration(definition.statutoryDuration);
  const dueAt = deadline(calendar, effectiveReceivedAt, committedDuration, settings.deadlineMode, []);
  const statutoryDueAt = deadline(
    calendar,
    effectiveReceivedAt,
    statutoryDuration,
    settings.deadlineMode,
    [],
  );
  return [
    {
      type: 'DossierReceived',
      data: {
        dossierCode: command.code,
        receivedAt: toInstant(receivedAt),
        acceptedAt: toInstant(command.now),
        effectiveReceivedAt: toInstant(effectiveReceivedAt),
        legalRegime: legalRegime(receivedAt),
        committedDuration,
        statutoryDuration,
        deadlineMode: settings.deadlineMode,
        receiptCutoff: definition.receiptCutoff,
        supplementPolicy: definition.supplementPolicy,
        dueAt: toInstant(dueAt),
        statutoryDueAt: toInstant(statutoryDueAt),
        appointmentAt: toInstant(dueAt),
        ...provisionalCalendarField(calendar, effectiveReceivedAt, statutoryDueAt, dueAt),
        receivingOfficer: {
          id: command.actor.id,
          ...(command.actor.agency === undefined ? {} : { agency: command.actor.agency }),
        },
      },
    },
  ];
}

export function decideRequestCompletion(
  context: DossierContext,
  state: ExistingDossier,
  command: RequestCompletion,
): [CompletionRequested] {
  // Guidance is given once: a second request gets that rule as its answer, not a bare "not available".
  if (state.status === 'submitted' && state.intake.completionRequested) {
    const { workflowState, intake } = state;
    const move = context.procedure.next(
      workflowState,
      'REQUEST_COMPLETION',
      command.actor.role,
      intake.formData,
    );
    if (!move.ok && move.reason === 'not-available') {
      throw new CompletionAlreadyRequested(allowedEvents(context, state, command.actor.role));
    }
  }
  workflowMove(context, state, 'REQUEST_COMPLETION', command.actor);
  requireText(command.type, 'guidance', command.guidance);
  return [
    {
      type: 'CompletionRequested',
      data: {
        requestedAt: toInstant(command.now),
        missingDocuments: command.missingDocuments,
        guidance: command.guidance,
      },
    },
  ];
}

export function decideComplete(
  context: DossierContext,
  state: ExistingDossier,
  command: CompleteDossier,
): [DossierCompleted] {
  workflowMove(context, state, 'COMPLETE', command.actor);
  if (command.formData !== undefined) validateApplication(context, command.formData);
  return [
    {
      type: 'DossierCompleted',
      data: {
        completedAt: toInstant(command.now),
        channel: command.channel,
        ...(command.formData === undefined ? {} : { formData: command.formData }),
        addedAttachments: command.attachments ?? [],
      },
    },
  ];
}

export function decideRefuseReceipt(
  context: DossierContext,
  state: ExistingDossier,
  command: RefuseReceipt,
): [ReceiptRefused] {
  workflowMove(context, state, 'REFUSE_TO_RECEIVE', command.actor);
  return [
    {
      type: 'ReceiptRefused',
      data: {
        refusedAt: toInstant(command.now),
        reason: requireText(command.type, 'reason', command.reason),
      },
    },
  ];
}

/** @throws InvalidApplication with the ajv errors and their JSON Pointer paths. */
export function validateApplication(
  { procedure }: Pick<DossierContext, 'procedure'>,
  formData: JsonObject,
): void {
  const result = procedure.validateApplication(formData);
  if (!result.ok) throw new InvalidApplication(procedure.definition.code, result.errors);
}
