import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentActor, type RequestActor, AllowRoles, Public, ROLES } from '@tthc/platform';
import { GetOfficialCalendarQuery } from '../application/official-calendars/get-official-calendar/get-official-calendar.query';
import { ListOfficialCalendarsQuery } from '../application/official-calendars/list-official-calendars/list-official-calendars.query';
import type {
  OfficialCalendarDetails,
  OfficialCalendarSaved,
  OfficialCalendarSummary,
} from '../application/official-calendars/official-calendar-views';
import { ProposeOfficialCalendarCommand } from '../application/official-calendars/propose-official-calendar/propose-official-calendar.command';
import { SaveOfficialCalendarCommand } from '../application/official-calendars/save-official-calendar/save-official-calendar.command';
import { ApiBadRequest, commandContext } from './api-docs';
import { DossierProblemDto } from './dossier-responses.dto';
import { CalendarYearParams, SaveOfficialCalendarDto } from './calendar.dto';

/**
 * The official calendar of each year (days off, make-up working days, source document), maintained by system
 * administrators (X-Actor-Role: system-admin). Reads may lag a change by a moment.
 */
@ApiTags('calendars')
@Controller('v1/calendars')
export class CalendarsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The years with an official calendar, and whether each is proposed or confirmed' })
  @ApiOkResponse({ description: 'One entry per year', schema: { type: 'array', items: { type: 'object' } } })
  list(): Promise<OfficialCalendarSummary[]> {
    return this.queries.execute(new ListOfficialCalendarsQuery());
  }

  @Public()
  @Get(':year')
  @ApiOperation({ summary: 'The official calendar of a year' })
  @ApiOkResponse({
    description: 'The year’s days off, make-up working days and source',
    schema: { type: 'object' },
  })
  @ApiBadRequest()
  @ApiResponse({
    status: 404,
    type: DossierProblemDto,
    description: 'official-calendar-not-found: no calendar for this year',
  })
  get(@Param() { year }: CalendarYearParams): Promise<OfficialCalendarDetails> {
    return this.queries.execute(new GetOfficialCalendarQuery(year));
  }

  @Post(':year/proposal')
  @AllowRoles(ROLES.systemAdmin)
  @HttpCode(201)
  @ApiOperation({ summary: 'Pre-fill a proposal for the year (system administrators)' })
  @ApiCreatedResponse({ description: 'The proposal as saved', schema: { type: 'object' } })
  @ApiBadRequest('; a malformed Idempotency-Key')
  @ApiResponse({
    status: 403,
    type: DossierProblemDto,
    description: 'calendar-change-not-allowed: not a system-admin (also identity-required)',
  })
  @ApiResponse({
    status: 409,
    type: DossierProblemDto,
    description: 'official-calendar-already-confirmed: the year is already confirmed',
  })
  @ApiResponse({
    status: 422,
    type: DossierProblemDto,
    description: 'idempotency-key-reused: the Idempotency-Key was used for another request',
  })
  async propose(
    @Param() { year }: CalendarYearParams,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<OfficialCalendarSaved> {
    const context = commandContext(actor, correlationId, idempotencyKey);
    return (await this.commands.execute(new ProposeOfficialCalendarCommand(year, context))).result;
  }

  @Put(':year')
  @AllowRoles(ROLES.systemAdmin)
  @ApiOperation({
    summary: 'Confirm the year, or amend a confirmed year with a reason (system administrators)',
  })
  @ApiOkResponse({ description: 'The year as saved', schema: { type: 'object' } })
  @ApiBadRequest('; a malformed Idempotency-Key')
  @ApiResponse({
    status: 403,
    type: DossierProblemDto,
    description: 'calendar-change-not-allowed: not a system-admin (also identity-required)',
  })
  @ApiResponse({
    status: 422,
    type: DossierProblemDto,
    description: 'invalid-official-calendar: every problem of the document; idempotency-key-reused',
  })
  async save(
    @Param() { year }: CalendarYearParams,
    @Body() body: SaveOfficialCalendarDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<OfficialCalendarSaved> {
    const context = commandContext(actor, correlationId, idempotencyKey);
    const { reason, daysOff, makeUpWorkingDays, notes, source } = body;
    const document = {
      source,
      daysOff: daysOff.map((day) => ({
        date: day.date,
        name: { vi: day.name.vi, en: day.name.en },
        kind: day.kind,
        ...(day.compensates === undefined ? {} : { compensates: day.compensates }),
      })),
      makeUpWorkingDays: makeUpWorkingDays.map((day) => ({
        date: day.date,
        name: { vi: day.name.vi, en: day.name.en },
        compensates: day.compensates,
      })),
      ...(notes === undefined ? {} : { notes: [...notes] }),
    };
    return (await this.commands.execute(new SaveOfficialCalendarCommand(year, document, reason, context)))
      .result;
  }
}
