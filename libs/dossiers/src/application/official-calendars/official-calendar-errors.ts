import { DomainError } from '@tthc/shared-kernel';

/** The year document is inconsistent (422): every problem is listed so it can be fixed in one pass. */
export class InvalidOfficialCalendar extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'invalid-official-calendar';

  constructor(
    readonly year: number,
    readonly problems: readonly string[],
  ) {
    super(`The official calendar ${year} has ${problems.length} problem(s): ${problems.join('; ')}`);
    this.name = 'InvalidOfficialCalendar';
  }

  override details(): Record<string, unknown> {
    return { year: this.year, problems: this.problems };
  }
}

/** A confirmed year is not proposed again: amend it instead (409). */
export class OfficialCalendarAlreadyConfirmed extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'official-calendar-already-confirmed';

  constructor(readonly year: number) {
    super(`The official calendar ${year} is already confirmed: amend it with PUT and a reason.`);
    this.name = 'OfficialCalendarAlreadyConfirmed';
  }

  override details(): Record<string, unknown> {
    return { year: this.year };
  }
}

export class OfficialCalendarNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'official-calendar-not-found';

  constructor(readonly year: number) {
    super(`No official calendar is proposed or confirmed for ${year}.`);
    this.name = 'OfficialCalendarNotFound';
  }

  override details(): Record<string, unknown> {
    return { year: this.year };
  }
}

/** Only system administrators maintain the official calendars (403). */
export class CalendarChangeNotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'calendar-change-not-allowed';

  constructor(readonly actorId: string) {
    super(`${actorId} may not change official calendars: only a system-admin may.`);
    this.name = 'CalendarChangeNotAllowed';
  }

  override details(): Record<string, unknown> {
    return { actor: this.actorId };
  }
}
