// The workflow, one operation per decider command: POST /v1/dossiers/{id}/actions/{action}. Every action
// takes an optional Idempotency-Key; an action the dossier's state or the caller's role does not allow is a
// 409 naming the current state and the actions allowed now.
//
// Workflow event (allowedActions) → action: RECEIVE receive · REQUEST_COMPLETION request-completion ·
// COMPLETE complete · REFUSE_TO_RECEIVE refuse-receipt · TRANSFER transfer · HAND_OVER and the procedure's
// own events hand-over {event} · REQUEST_SUPPLEMENT request-supplement · PROVIDE_SUPPLEMENT
// provide-supplement · START_/END_EXCLUDED_INTERVAL start-/end-excluded-interval · APPROVE approve ·
// REFUSE refuse · ISSUE_RESULT issue-result · RETURN_RESULT return-result · WITHDRAW withdraw ·
// APOLOGISE apologise · RATE rate; flag-at-risk is the scheduler's.
import {
  applyDecorators,
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CorrelationId,
  CurrentActor,
  type RequestActor,
  AllowRoles,
  ANY_OFFICIAL,
  ROLES,
} from '@tthc/platform';
import {
  PerformDossierActionCommand,
  type DossierActionInput,
} from '../application/perform-dossier-action/perform-dossier-action.command';
import type { DossierActionResult } from '../application/views';
import {
  ApiActionConflict,
  ApiActorHeaders,
  ApiBadRequest,
  ApiIdempotencyKey,
  ApiIdentityRequired,
  ApiNotFound,
  ApiUnprocessable,
  commandContext,
} from './api-docs';
import {
  ApologiseDto,
  AttachmentDto,
  DossierIdParams,
  EmptyActionDto,
  HandOverDto,
  IssueResultDto,
  RateDto,
  ReasonDto,
  RequestCompletionDto,
  RequestSupplementDto,
  ReturnResultDto,
  StartExcludedIntervalDto,
  SupplyDocumentsDto,
  type MissingDocumentDto,
} from './dossier-requests.dto';
import { DossierActionResultDto } from './dossier-responses.dto';

const Action = (summary: string, description: string, body: unknown = EmptyActionDto, unprocessable = '') =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary, description }),
    ApiBody({ type: body as new () => object, required: body !== EmptyActionDto }),
    ApiActorHeaders(),
    ApiIdempotencyKey(false),
    ApiOkResponse({ type: DossierActionResultDto }),
    ApiBadRequest(),
    ApiIdentityRequired(),
    ApiNotFound('dossier-not-found'),
    ApiActionConflict(),
    ApiUnprocessable(unprocessable),
  );

const documents = (list: readonly MissingDocumentDto[]) =>
  list.map(({ code, name, note }) => ({
    name,
    ...(code === undefined ? {} : { code }),
    ...(note === undefined ? {} : { note }),
  }));
const files = (list: readonly AttachmentDto[] | undefined) => list?.map((file) => ({ ...file }));

@ApiTags('dossier actions')
@AllowRoles(ROLES.integration, ROLES.citizen, ANY_OFFICIAL)
@Controller('v1/dossiers/:id/actions')
export class DossierActionsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  private async run(
    id: string,
    action: DossierActionInput,
    actor: RequestActor,
    correlationId: string,
    reply: FastifyReply,
    idempotencyKey: string | undefined,
  ): Promise<DossierActionResult> {
    const outcome = await this.commands.execute(
      new PerformDossierActionCommand(id, action, commandContext(actor, correlationId, idempotencyKey)),
    );
    if (outcome.replayed) void reply.header('Idempotent-Replayed', 'true');
    return outcome.result;
  }

  @Post('receive')
  @Action(
    'Receive the dossier and give the appointment (form 01)',
    'Role receiving-officer. Assigns the dossier code <unit>-YYMMDD-XXXX (daily sequence per receiving unit and local receipt date) and computes the deadline and the appointment.',
  )
  receive(
    @Param() { id }: DossierIdParams,
    @Body() _body: EmptyActionDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'ReceiveDossier' }, actor, correlationId, reply, key);
  }

  @Post('request-completion')
  @Action(
    'Ask the applicant to complete the dossier before receipt (form 02, once)',
    'Role receiving-officer. Guidance is given once, in writing, fully.',
    RequestCompletionDto,
  )
  requestCompletion(
    @Param() { id }: DossierIdParams,
    @Body() body: RequestCompletionDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action = {
      type: 'RequestCompletion',
      missingDocuments: documents(body.missingDocuments),
      guidance: body.guidance,
    } as const;
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('complete')
  @Action(
    'Hand in the completed dossier after form 02',
    'Roles citizen, integration, receiving-officer.',
    SupplyDocumentsDto,
  )
  complete(
    @Param() { id }: DossierIdParams,
    @Body() body: SupplyDocumentsDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action: DossierActionInput = {
      type: 'CompleteDossier',
      channel: body.channel,
      ...(body.formData === undefined ? {} : { formData: body.formData as never }),
      ...(body.attachments === undefined ? {} : { attachments: files(body.attachments) }),
    };
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('refuse-receipt')
  @Action(
    'Refuse to receive the dossier (form 03)',
    'Role receiving-officer. Never counted as received.',
    ReasonDto,
  )
  refuseReceipt(
    @Param() { id }: DossierIdParams,
    @Body() body: ReasonDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'RefuseReceipt', reason: body.reason }, actor, correlationId, reply, key);
  }

  @Post('transfer')
  @Action(
    'Transfer the received dossier to the first processing step',
    'Roles receiving-officer, integration. Due immediately, or at the start of the next working day after the cut-off.',
  )
  transfer(
    @Param() { id }: DossierIdParams,
    @Body() _body: EmptyActionDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'TransferDossier' }, actor, correlationId, reply, key);
  }

  @Post('hand-over')
  @Action(
    'Move the dossier to the next step with one of the definition’s events (form 05 line)',
    'HAND_OVER or a declared event such as SUBMIT_FOR_SIGNATURE, by the roles of the current step.',
    HandOverDto,
  )
  handOver(
    @Param() { id }: DossierIdParams,
    @Body() body: HandOverDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'HandOver', event: body.event }, actor, correlationId, reply, key);
  }

  @Post('request-supplement')
  @Action(
    'Request a supplement after receipt (form 02): the clock stops',
    'Roles of the current step; within the procedure’s window (3 working days by default).',
    RequestSupplementDto,
  )
  requestSupplement(
    @Param() { id }: DossierIdParams,
    @Body() body: RequestSupplementDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action = {
      type: 'RequestSupplement',
      reason: body.reason,
      missingDocuments: documents(body.missingDocuments),
    } as const;
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('provide-supplement')
  @Action(
    'Provide the requested supplement: the clock runs again (PAUSE) or restarts (RESTART)',
    'Roles citizen, integration, receiving-officer.',
    SupplyDocumentsDto,
  )
  provideSupplement(
    @Param() { id }: DossierIdParams,
    @Body() body: SupplyDocumentsDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action: DossierActionInput = {
      type: 'ProvideSupplement',
      channel: body.channel,
      ...(body.formData === undefined ? {} : { formData: body.formData as never }),
      ...(body.attachments === undefined ? {} : { attachments: files(body.attachments) }),
    };
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('start-excluded-interval')
  @Action(
    'Start an interval the law excludes from the processing time (the clock stops)',
    'Roles of the current step; the kind must be declared by the procedure.',
    StartExcludedIntervalDto,
    '; excluded-interval-not-declared',
  )
  startExcludedInterval(
    @Param() { id }: DossierIdParams,
    @Body() body: StartExcludedIntervalDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action = {
      type: 'StartExcludedInterval',
      kind: body.kind,
      ...(body.note === undefined ? {} : { note: body.note }),
    } as const;
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('end-excluded-interval')
  @Action('End the excluded interval: the clock runs again', 'Roles of the step, and integration.')
  endExcludedInterval(
    @Param() { id }: DossierIdParams,
    @Body() _body: EmptyActionDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'EndExcludedInterval' }, actor, correlationId, reply, key);
  }

  @Post('approve')
  @Action('Approve (phê duyệt)', 'The roles that may APPROVE in the current step.')
  approve(
    @Param() { id }: DossierIdParams,
    @Body() _body: EmptyActionDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'Approve' }, actor, correlationId, reply, key);
  }

  @Post('refuse')
  @Action('Refuse to resolve, with the reason', 'The roles that may APPROVE in the current step.', ReasonDto)
  refuse(
    @Param() { id }: DossierIdParams,
    @Body() body: ReasonDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'RefuseResolution', reason: body.reason }, actor, correlationId, reply, key);
  }

  @Post('issue-result')
  @Action(
    'Issue the result: the dossier counts as resolved now (early / on time / late)',
    'Roles specialist, receiving-officer, integration.',
    IssueResultDto,
  )
  issueResult(
    @Param() { id }: DossierIdParams,
    @Body() body: IssueResultDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action = {
      type: 'IssueResult',
      ...(body.electronic === undefined ? {} : { electronic: body.electronic }),
    } as const;
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('return-result')
  @Action(
    'Return the result to the applicant',
    'Roles receiving-officer, integration; by a delivery method the procedure offers.',
    ReturnResultDto,
    '; result-delivery-not-offered',
  )
  returnResult(
    @Param() { id }: DossierIdParams,
    @Body() body: ReturnResultDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'ReturnResult', method: body.method }, actor, correlationId, reply, key);
  }

  @Post('withdraw')
  @Action('Withdraw the dossier (rút hồ sơ)', 'Roles citizen, integration, receiving-officer.', ReasonDto)
  withdraw(
    @Param() { id }: DossierIdParams,
    @Body() body: ReasonDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'Withdraw', reason: body.reason }, actor, correlationId, reply, key);
  }

  @Post('apologise')
  @Action(
    'Apologise and give a new appointment (form 04)',
    'Officer roles; at least 1 working day before the deadline, and the return date may be reset at most once. The new appointment may be at most the committed processing time again after the due time (at least one working day). Statistics keep the original deadline.',
    ApologiseDto,
    '; rescheduled-appointment-too-late (newAppointmentAt is later than the committed processing time again after the due time; latestAppointmentAt names the latest allowed)',
  )
  apologise(
    @Param() { id }: DossierIdParams,
    @Body() body: ApologiseDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action = {
      type: 'IssueApology',
      reason: body.reason,
      newAppointmentAt: new Date(body.newAppointmentAt),
    } as const;
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('rate')
  @Action(
    'Rate satisfaction (1–5) after the result was returned',
    'Roles citizen, integration; once.',
    RateDto,
  )
  rate(
    @Param() { id }: DossierIdParams,
    @Body() body: RateDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    const action = {
      type: 'Rate',
      score: body.score,
      ...(body.comment === undefined ? {} : { comment: body.comment }),
    } as const;
    return this.run(id, action, actor, correlationId, reply, key);
  }

  @Post('flag-at-risk')
  @Action(
    'Ask whether the dossier is at risk of being late; flags it once (with a form 04 draft) if so',
    'For the at-risk scheduler (role integration or an officer role); nothing happens when there is nothing to flag.',
  )
  flagAtRisk(
    @Param() { id }: DossierIdParams,
    @Body() _body: EmptyActionDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') key?: string,
  ): Promise<DossierActionResult> {
    return this.run(id, { type: 'FlagAtRisk' }, actor, correlationId, reply, key);
  }
}
