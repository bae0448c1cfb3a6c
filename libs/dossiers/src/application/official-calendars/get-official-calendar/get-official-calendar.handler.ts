import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OfficialCalendarNotFound } from '../official-calendar-errors';
import {
  detailsOf,
  type OfficialCalendarDetails,
  type OfficialCalendarRow,
} from '../official-calendar-views';
import { GetOfficialCalendarQuery } from './get-official-calendar.query';

@QueryHandler(GetOfficialCalendarQuery)
export class GetOfficialCalendarHandler implements IQueryHandler<GetOfficialCalendarQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ year }: GetOfficialCalendarQuery): Promise<OfficialCalendarDetails> {
    const rows = (await this.db.query(
      'SELECT year, status, data, source, reason, updated_at FROM official_calendars WHERE year = $1',
      [year],
    )) as OfficialCalendarRow[];
    if (rows[0] === undefined) throw new OfficialCalendarNotFound(year);
    return detailsOf(rows[0]);
  }
}
