import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DOSSIER_CLOCK, type Clock } from '../../ports';
import { assertCanMaintainCalendars } from '../official-calendar-authorization';
import { OfficialCalendarCommands } from '../official-calendar-commands';
import type { OfficialCalendarSaved } from '../official-calendar-views';
import { ProposeOfficialCalendarCommand } from './propose-official-calendar.command';

@CommandHandler(ProposeOfficialCalendarCommand)
export class ProposeOfficialCalendarHandler implements ICommandHandler<ProposeOfficialCalendarCommand> {
  constructor(
    @Inject(OfficialCalendarCommands) private readonly calendars: OfficialCalendarCommands,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
  ) {}

  execute({
    year,
    context,
  }: ProposeOfficialCalendarCommand): Promise<{ result: OfficialCalendarSaved; replayed: boolean }> {
    assertCanMaintainCalendars(context.actor);
    return this.calendars.execute({ type: 'ProposeOfficialCalendar', year }, context, this.clock());
  }
}
