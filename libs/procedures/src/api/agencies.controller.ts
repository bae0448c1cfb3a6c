import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CorrelationId,
  CurrentActor,
  type RequestActor,
  Public,
  AllowRoles,
  LEGACY_ADMINISTRATOR_ROLE,
  ROLES,
} from '@tthc/platform';
import { DissolveAgencyCommand } from '../application/dissolve-agency/dissolve-agency.command';
import { GetAgencyQuery } from '../application/get-agency/get-agency.query';
import { ListAgenciesQuery } from '../application/list-agencies/list-agencies.query';
import { RegisterAgencyCommand } from '../application/register-agency/register-agency.command';
import type { AgencySaved } from '../application/registry-commands';
import { UpdateAgencyCommand } from '../application/update-agency/update-agency.command';
import type { AgencyDetailsView, AgencyView, Page } from '../application/views';
import {
  ApiActorHeaders,
  ApiBadRequest,
  ApiConflict,
  ApiForbidden,
  ApiIdempotencyKey,
  ApiInvalidRecord,
  ApiNotFound,
  requestContext,
} from './api-docs';
import { AgencyCodeParams } from './common.dto';
import {
  AgencyDetailsDto,
  AgencyPageDto,
  AgencyQueryDto,
  AgencySavedDto,
  DissolveAgencyDto,
  RegisterAgencyDto,
  UpdateAgencyDto,
} from './directory.dto';

/**
 * The agency directory: who receives dossiers, with their codes, office hours and validity periods.
 * Changes are for administrators (X-Actor-Role: administrator). Reads may lag a change by a moment.
 */
@ApiTags('agencies')
@Controller('v1/agencies')
export class AgenciesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Agencies, filtered by level, parent and the date they were valid on' })
  @ApiOkResponse({ type: AgencyPageDto })
  @ApiBadRequest()
  list(@Query() q: AgencyQueryDto): Promise<Page<AgencyView>> {
    return this.queries.execute(
      new ListAgenciesQuery({
        level: q.level,
        parent: q.parent,
        activeOn: q.activeOn,
        q: q.q,
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      }),
    );
  }

  @Public()
  @Get(':code')
  @ApiOperation({
    summary: 'An agency with its parent, children and successor chain (who holds its tasks today)',
  })
  @ApiOkResponse({ type: AgencyDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('No agency has this code')
  get(@Param() { code }: AgencyCodeParams): Promise<AgencyDetailsView> {
    return this.queries.execute(new GetAgencyQuery(code));
  }

  @Post()
  @AllowRoles(ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
  @ApiOperation({ summary: 'Register an agency (administrators)' })
  @ApiActorHeaders()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: AgencySavedDto })
  @ApiBadRequest()
  @ApiForbidden()
  @ApiConflict('An agency with this code is already registered')
  @ApiInvalidRecord()
  register(
    @Body() body: RegisterAgencyDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AgencySaved> {
    return this.commands.execute(
      new RegisterAgencyCommand(
        { ...body, name: { vi: body.name.vi, en: body.name.en }, officeHours: body.officeHours?.map(period) },
        requestContext(actor, correlationId, idempotencyKey),
      ),
    );
  }

  @Patch(':code')
  @AllowRoles(ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
  @ApiOperation({ summary: 'Change an agency’s details (administrators); members left out keep their value' })
  @ApiActorHeaders()
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: AgencySavedDto })
  @ApiBadRequest()
  @ApiForbidden()
  @ApiNotFound('No agency has this code')
  @ApiInvalidRecord()
  update(
    @Param() { code }: AgencyCodeParams,
    @Body() body: UpdateAgencyDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AgencySaved> {
    const { name, officeHours, ...rest } = body;
    return this.commands.execute(
      new UpdateAgencyCommand(
        code,
        {
          ...rest,
          ...(name ? { name: { vi: name.vi, en: name.en } } : {}),
          ...(officeHours ? { officeHours: officeHours.map(period) } : {}),
        },
        requestContext(actor, correlationId, idempotencyKey),
      ),
    );
  }

  @Post(':code/dissolve')
  @AllowRoles(ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
  @HttpCode(200)
  @ApiOperation({ summary: 'End an agency’s validity, naming its successor (administrators)' })
  @ApiActorHeaders()
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: AgencySavedDto })
  @ApiBadRequest()
  @ApiForbidden()
  @ApiNotFound('No agency has this code')
  @ApiConflict('The agency already ended')
  @ApiInvalidRecord()
  dissolve(
    @Param() { code }: AgencyCodeParams,
    @Body() body: DissolveAgencyDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AgencySaved> {
    return this.commands.execute(
      new DissolveAgencyCommand(
        code,
        {
          validTo: body.validTo,
          successorCode: body.successorCode ?? null,
          legalBasis: body.legalBasis ?? null,
        },
        requestContext(actor, correlationId, idempotencyKey),
      ),
    );
  }
}

/** Plain objects into events, not DTO instances. */
function period(p: { from: string; to: string }): { from: string; to: string } {
  return { from: p.from, to: p.to };
}
