import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CorrelationId,
  CurrentActor,
  isSystemAdministrator,
  type RequestActor,
  AllowRoles,
  ANY_OFFICIAL,
  LEGACY_ADMINISTRATOR_ROLE,
  ROLES,
} from '@tthc/platform';
import { assertCanManageProcedure } from '../application/authorization';
import { ProcedureNotFound } from '../application/errors';
import { definitionInputFromBody } from '../application/definition-input';
import { DraftProcedureCommand } from '../application/draft-procedure/draft-procedure.command';
import { GetProcedureDraftQuery } from '../application/get-procedure-draft/get-procedure-draft.query';
import { ListProcedureDraftsQuery } from '../application/list-procedure-drafts/list-procedure-drafts.query';
import type { DraftSaved } from '../application/registry-commands';
import { UpdateProcedureDraftCommand } from '../application/update-procedure-draft/update-procedure-draft.command';
import type { DraftDetails, DraftSummary, Page } from '../application/views';
import {
  ApiActorHeaders,
  ApiBadRequest,
  ApiConflict,
  ApiDefinitionBody,
  ApiForbidden,
  ApiIdempotencyKey,
  ApiInvalidDefinition,
  ApiNotFound,
  requestContext,
} from './api-docs';
import { ProcedureCodeParams } from './common.dto';
import {
  DraftDetailsDto,
  DraftPageDto,
  DraftQueryDto,
  DraftSavedDto,
  ExpectedRevisionQueryDto,
} from './procedure.dto';

/**
 * Drafts are working copies: stored even when they do not validate yet (the answer says what is wrong), and
 * editable until published. Reads come from the projection and may lag a command by a moment.
 */
@ApiTags('procedures')
@AllowRoles(ANY_OFFICIAL, ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
@Controller('v1/procedures/drafts')
export class ProcedureDraftsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Open a draft: of a new procedure, or of the next version of a published one',
    description:
      'The procedure code comes from the document. The draft is stored even if it does not validate yet.',
  })
  @ApiDefinitionBody()
  @ApiActorHeaders()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: DraftSavedDto })
  @ApiBadRequest()
  @ApiForbidden()
  @ApiConflict('The procedure already has an open draft, or was retired')
  @ApiInvalidDefinition()
  create(
    @Body() body: unknown,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('content-type') contentType?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DraftSaved> {
    return this.commands.execute(
      new DraftProcedureCommand(
        definitionInputFromBody(body, contentType),
        requestContext(actor, correlationId, idempotencyKey),
      ),
    );
  }

  @Put(':code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the open draft’s document (the code cannot change)' })
  @ApiDefinitionBody()
  @ApiActorHeaders()
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: DraftSavedDto })
  @ApiBadRequest()
  @ApiForbidden()
  @ApiNotFound('No procedure has this code')
  @ApiConflict('No open draft, a newer draft revision than expectedRevision, or the procedure was retired')
  @ApiInvalidDefinition()
  update(
    @Param() { code }: ProcedureCodeParams,
    @Query() { expectedRevision }: ExpectedRevisionQueryDto,
    @Body() body: unknown,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('content-type') contentType?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<DraftSaved> {
    return this.commands.execute(
      new UpdateProcedureDraftCommand(
        code,
        definitionInputFromBody(body, contentType),
        requestContext(actor, correlationId, idempotencyKey),
        expectedRevision,
      ),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Open drafts, by procedure code' })
  @ApiOkResponse({ type: DraftPageDto })
  @ApiBadRequest()
  list(@Query() query: DraftQueryDto, @CurrentActor() actor: RequestActor): Promise<Page<DraftSummary>> {
    // Drafts are unpublished work: an official lists their own agency's (agency scope), 403 for another's.
    const agency = isSystemAdministrator(actor) ? query.agency : (query.agency ?? actor.agency);
    if (!isSystemAdministrator(actor)) assertCanManageProcedure(actor, [agency ?? '-']);
    return this.queries.execute(
      new ListProcedureDraftsQuery({
        agency,
        limit: query.limit ?? 20,
        offset: query.offset ?? 0,
      }),
    );
  }

  @Get(':code')
  @ApiOperation({ summary: 'The open draft of a procedure, with what validation says about it now' })
  @ApiOkResponse({ type: DraftDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('No open draft has this code')
  async get(
    @Param() { code }: ProcedureCodeParams,
    @CurrentActor() actor: RequestActor,
  ): Promise<DraftDetails> {
    const draft = (await this.queries.execute(new GetProcedureDraftQuery(code))) as DraftDetails;
    // Another agency's draft answers like a missing one.
    if (draft.agencyCode !== null && !isSystemAdministrator(actor) && actor.agency !== draft.agencyCode) {
      throw new ProcedureNotFound(code, undefined, 'no open draft has that code.');
    }
    return draft;
  }
}
