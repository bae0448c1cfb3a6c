import { Command } from '@nestjs/cqrs';
import type { CalendarRequestContext } from '../official-calendar-commands';
import type { OfficialCalendarSaved } from '../official-calendar-views';

/** Pre-fills a year's calendar (prefillOfficialYear) as a proposal for an administrator to correct. */
export class ProposeOfficialCalendarCommand extends Command<{
  result: OfficialCalendarSaved;
  replayed: boolean;
}> {
  constructor(
    readonly year: number,
    readonly context: CalendarRequestContext,
  ) {
    super();
  }
}
