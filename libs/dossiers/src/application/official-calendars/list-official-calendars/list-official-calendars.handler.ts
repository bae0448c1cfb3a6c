import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  summaryOf,
  type OfficialCalendarRow,
  type OfficialCalendarSummary,
} from '../official-calendar-views';
import { ListOfficialCalendarsQuery } from './list-official-calendars.query';
import { provisionalOfficialYear, toLocalDate, yearAwaitingConfirmation } from '../../../domain/calendar';
import { DOSSIER_CLOCK, type Clock } from '../../ports';

@QueryHandler(ListOfficialCalendarsQuery)
export class ListOfficialCalendarsHandler implements IQueryHandler<ListOfficialCalendarsQuery> {
  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The stored years, and the year an administrator should confirm now (from 1 October, next year) as
   * `provisional` while nothing is stored for it: deadlines reaching into it use the law's days alone.
   */
  async execute(): Promise<OfficialCalendarSummary[]> {
    const rows = (await this.db.query(
      'SELECT year, status, source, updated_at FROM official_calendars ORDER BY year',
    )) as OfficialCalendarRow[];
    const years = rows.map(summaryOf);
    const stored = new Set(years.map((year) => year.year));
    const confirmed = new Set(years.filter((year) => year.status === 'confirmed').map((year) => year.year));
    const awaited = yearAwaitingConfirmation(toLocalDate(this.clock()), confirmed);
    if (awaited === undefined || stored.has(awaited)) return years;
    const { source } = provisionalOfficialYear(awaited);
    return [...years, { year: awaited, status: 'provisional', source, updatedAt: null }];
  }
}
