import type { DossierActor } from '../../domain/dossier';
import { CALENDAR_ADMIN_ROLE } from './official-calendar-commands';
import { CalendarChangeNotAllowed } from './official-calendar-errors';

/** @throws CalendarChangeNotAllowed (403) unless the actor is a system administrator. */
export function assertCanMaintainCalendars(actor: DossierActor): void {
  if (actor.role !== CALENDAR_ADMIN_ROLE) throw new CalendarChangeNotAllowed(actor.id);
}
