import { Command } from '@nestjs/cqrs';
import type { CalendarRequestContext } from '../official-calendar-commands';
import type { OfficialCalendarDocument } from '../official-calendar-decider';
import type { OfficialCalendarSaved } from '../official-calendar-views';

/** Confirms a year's calendar, or amends a confirmed one (a reason is then required). */
export class SaveOfficialCalendarCommand extends Command<{
  result: OfficialCalendarSaved;
  replayed: boolean;
}> {
  constructor(
    readonly year: number,
    readonly document: OfficialCalendarDocument,
    readonly reason: string | undefined,
    readonly context: CalendarRequestContext,
  ) {
    super();
  }
}
