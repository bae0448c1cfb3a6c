import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentActor, type RequestActor } from '@tthc/platform';
import { GetOfficialCalendarQuery } from '../application/official-calendars/get-official-calendar/get-official-calendar.query';
import { ListOfficialCalendarsQuery } from '../application/official-calendars/list-official-calendars/list-official-calendars.query';
import type {
  OfficialCalendarDetails,
  OfficialCalendarSaved,
  OfficialCalendarSummary,
} from '../application/official-calendars/official-calendar-views';
import { ProposeOfficialCalendarCommand } from '../application/official-calendars/propose-official-calendar/propose-official-calendar.command';
import { SaveOfficialCalendarCommand } from '../application/official-calendars/save-official-calendar/save-official-calendar.command';
import { commandContext } from './api-docs';
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

  @Get()
  @ApiOperation({ summary: 'The years with an official calendar, and whether each is proposed or confirmed' })
  list(): Promise<OfficialCalendarSummary[]> {
    return this.queries.execute(new ListOfficialCalendarsQuery());
  }

  @Get(':year')
  @ApiOperation({ summary: 'The official calendar of a year' })
  @ApiResponse({ status: 404, description: 'No calendar for this year' })
  get(@Param() { year }: CalendarYearParams): Promise<OfficialCalendarDetails> {
    return this.queries.execute(new GetOfficialCalendarQuery(year));
  }

  @Post(':year/proposal')
  @HttpCode(201)
  @ApiOperation({ summary: 'Pre-fill a proposal for the year (system administrators)' })
  @ApiResponse({ status: 403, description: 'Not a system-admin' })
  @ApiResponse({ status: 409, description: 'The year is already confirmed' })
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
  @ApiOperation({
    summary: 'Confirm the year, or amend a confirmed year with a reason (system administrators)',
  })
  @ApiResponse({ status: 403, description: 'Not a system-admin' })
  @ApiResponse({ status: 422, description: 'invalid-official-calendar: every problem of the document' })
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
