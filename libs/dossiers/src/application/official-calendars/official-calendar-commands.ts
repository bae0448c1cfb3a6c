// Runs a calendar command through the event store's one command path (CommandExecutor): read the year's
// stream, decide, append with the expected version, store the answer under the command id. Used by the HTTP
// handlers (after their authorization check) and by the start-up seeding of the shipped years.
import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, type NewEvent } from '@tthc/event-store';
import type { DossierActor } from '../../domain/dossier';
import { rememberOfficialYear } from '../agency-calendar';
import {
  CALENDAR_STREAM_TYPE,
  calendarStreamId,
  decideOfficialCalendar,
  evolveOfficialCalendar,
  foldOfficialCalendar,
  type OfficialCalendarCommand,
} from './official-calendar-decider';
import type { OfficialCalendarSaved } from './official-calendar-views';

export interface CalendarRequestContext {
  readonly actor: DossierActor;
  readonly correlationId: string;
  readonly commandId?: string;
}

/** The role that maintains official calendars. */
export const CALENDAR_ADMIN_ROLE = 'system-admin';

@Injectable()
export class OfficialCalendarCommands {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute(
    command: OfficialCalendarCommand,
    context: CalendarRequestContext,
    now: Date,
  ): Promise<{ result: OfficialCalendarSaved; replayed: boolean }> {
    const { actor, correlationId, commandId } = context;
    const outcome = await this.executor.execute<OfficialCalendarSaved>({
      commandId,
      commandType: command.type,
      request: command,
      streamId: calendarStreamId(command.year),
      streamType: CALENDAR_STREAM_TYPE,
      decide: (history) => {
        const state = foldOfficialCalendar(history);
        const events = decideOfficialCalendar(state, command);
        const after = events.reduce(evolveOfficialCalendar, state);
        if (after.status === 'none') throw new Error('Invariant: a calendar command left no calendar');
        return {
          events: events.map((event): NewEvent => ({
            type: event.type,
            data: event.data,
            metadata: {
              actor: { id: actor.id, role: actor.role, ...(actor.agency ? { agency: actor.agency } : {}) },
              correlationId,
            },
            occurredAt: now,
          })),
          result: {
            year: command.year,
            status: after.status,
            events: events.map((event) => event.type),
            data: after.calendar,
          },
        };
      },
    });
    // This process decides with the new year at once; the others pick it up from the read model.
    if (outcome.result.status === 'confirmed') rememberOfficialYear(outcome.result.data);
    return { result: outcome.result, replayed: outcome.replayed };
  }
}
