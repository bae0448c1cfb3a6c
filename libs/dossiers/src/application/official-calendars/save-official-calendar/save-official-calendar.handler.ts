import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DOSSIER_CLOCK, type Clock } from '../../ports';
import { assertCanMaintainCalendars } from '../official-calendar-authorization';
import { OfficialCalendarCommands } from '../official-calendar-commands';
import type { OfficialCalendarSaved } from '../official-calendar-views';
import { SaveOfficialCalendarCommand } from './save-official-calendar.command';

@CommandHandler(SaveOfficialCalendarCommand)
export class SaveOfficialCalendarHandler implements ICommandHandler<SaveOfficialCalendarCommand> {
  constructor(
    @Inject(OfficialCalendarCommands) private readonly calendars: OfficialCalendarCommands,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
  ) {}

  execute({
    year,
    document,
    reason,
    context,
  }: SaveOfficialCalendarCommand): Promise<{ result: OfficialCalendarSaved; replayed: boolean }> {
    assertCanMaintainCalendars(context.actor);
    return this.calendars.execute(
      { type: 'SaveOfficialCalendar', year, document, ...(reason === undefined ? {} : { reason }) },
      context,
      this.clock(),
    );
  }
}
