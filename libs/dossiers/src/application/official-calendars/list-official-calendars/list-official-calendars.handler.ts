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

@QueryHandler(ListOfficialCalendarsQuery)
export class ListOfficialCalendarsHandler implements IQueryHandler<ListOfficialCalendarsQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute(): Promise<OfficialCalendarSummary[]> {
    const rows = (await this.db.query(
      'SELECT year, status, source, updated_at FROM official_calendars ORDER BY year',
    )) as OfficialCalendarRow[];
    return rows.map(summaryOf);
  }
}
