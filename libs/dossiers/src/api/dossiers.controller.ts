import { Body, Controller, Get, Headers, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CorrelationId,
  CurrentActor,
  type RequestActor,
  AllowRoles,
  ANY_OFFICIAL,
  LEGACY_ADMINISTRATOR_ROLE,
  ROLES,
} from '@tthc/platform';
import { GetDossierQuery } from '../application/get-dossier/get-dossier.query';
import { SubmitDossierCommand } from '../application/submit-dossier/submit-dossier.command';
import type { DossierActionResult, DossierDetails } from '../application/views';
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
import { DossierCodeParams, DossierIdParams, SubmitDossierDto } from './dossier-requests.dto';
import { DossierActionResultDto, DossierDetailsDto } from './dossier-responses.dto';

/** Intake of dossiers from integrations, counters and the post, and reading one dossier. */
@ApiTags('dossiers')
@Controller('v1/dossiers')
export class DossiersController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles(ROLES.integration, ROLES.citizen, ANY_OFFICIAL)
  @ApiOperation({
    summary: 'Submit a dossier (nộp hồ sơ) for a procedure version',
    description:
      'The form data is checked against the procedure version’s JSON Schema (all errors at once, JSON Pointers). The answer has the dossier id and status; the dossier code and appointment come with its receipt (POST /v1/dossiers/{id}/actions/receive).',
  })
  @ApiActorHeaders()
  @ApiIdempotencyKey('Required for online submissions (400 idempotency-key-required)')
  @ApiCreatedResponse({ type: DossierActionResultDto })
  @ApiBadRequest('; invalid-application: the form data does not match the procedure’s form')
  @ApiIdentityRequired()
  @ApiNotFound('procedure-not-found: no published version of this procedure (or not this version)')
  @ApiActionConflict()
  @ApiUnprocessable(
    '; procedure-retired; channel-not-offered (online for a procedure not offered online); online-level-mismatch (a level above the procedure’s, or a level on a counter or postal submission)',
  )
  async submit(
    @Body() body: SubmitDossierDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DossierActionResult> {
    const outcome = await this.commands.execute(
      new SubmitDossierCommand(
        {
          procedureCode: body.procedureCode,
          ...(body.procedureVersion === undefined ? {} : { procedureVersion: body.procedureVersion }),
          channel: body.channel,
          ...(body.onlineLevel === undefined ? {} : { onlineLevel: body.onlineLevel }),
          ...(body.applicantLocality === undefined ? {} : { applicantLocality: body.applicantLocality }),
          applicant: { ...body.applicant },
          formData: body.formData as SubmitDossierCommand['submission']['formData'],
          ...(body.attachments === undefined ? {} : { attachments: body.attachments.map((a) => ({ ...a })) }),
          ...(body.paymentReference === undefined ? {} : { paymentReference: body.paymentReference }),
        },
        commandContext(actor, correlationId, idempotencyKey),
      ),
    );
    if (outcome.replayed) void reply.header('Idempotent-Replayed', 'true');
    return outcome.result;
  }

  @Get('by-code/:code')
  @AllowRoles(ROLES.integration, ROLES.citizen, ANY_OFFICIAL, ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
  @ApiOperation({
    summary: 'One dossier by its code (mã hồ sơ), with its timeline and live clock',
    description: 'Personal data is masked unless the caller is an official of the dossier’s agency.',
  })
  @ApiActorHeaders()
  @ApiOkResponse({ type: DossierDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('dossier-not-found (a code appears a moment after the receipt)')
  byCode(@Param() { code }: DossierCodeParams, @CurrentActor() actor: RequestActor): Promise<DossierDetails> {
    return this.queries.execute(new GetDossierQuery({ code }, actor));
  }

  @Get(':id')
  @AllowRoles(ROLES.integration, ROLES.citizen, ANY_OFFICIAL, ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
  @ApiOperation({
    summary: 'One dossier, with its timeline and live clock (working time left, paused since)',
    description: 'Personal data is masked unless the caller is an official of the dossier’s agency.',
  })
  @ApiActorHeaders()
  @ApiOkResponse({ type: DossierDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('dossier-not-found')
  byId(@Param() { id }: DossierIdParams, @CurrentActor() actor: RequestActor): Promise<DossierDetails> {
    return this.queries.execute(new GetDossierQuery({ id }, actor));
  }
}
