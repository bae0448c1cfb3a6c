import { Query } from '@nestjs/cqrs';
import type { OfficialCalendarSummary } from '../official-calendar-views';

/** The years with a proposed or confirmed calendar, oldest first. */
export class ListOfficialCalendarsQuery extends Query<OfficialCalendarSummary[]> {}
