import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DERIVABLE_YEARS, provisionalOfficialYear } from '../../../domain/calendar';
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
    if (rows[0] !== undefined) return detailsOf(rows[0]);
    // No calendar stored: the provisional one deadlines are computed with, said to be so.
    if (year < DERIVABLE_YEARS.first || year > DERIVABLE_YEARS.last) throw new OfficialCalendarNotFound(year);
    const data = provisionalOfficialYear(year);
    return { year, status: 'provisional', source: data.source, updatedAt: null, data, reason: null };
  }
}
