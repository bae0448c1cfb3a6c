import { DomainError } from '@tthc/shared-kernel';

/** Asked about a year for which no official calendar was loaded: we refuse rather than guess days off. */
export class CalendarYearMissing extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'calendar-year-missing';

  constructor(readonly year: number) {
    super(
      `No official calendar is loaded for ${year}: load the confirmed calendar for that year ` +
        `(prefillOfficialYear(${year}) gives a proposal an administrator can confirm).`,
    );
    this.name = 'CalendarYearMissing';
  }

  override details(): Record<string, unknown> {
    return { year: this.year };
  }
}

/** Calendar data or an argument is malformed (bad date, overlapping office periods, negative duration...). */
export class InvalidCalendarInput extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid-calendar-input';

  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'InvalidCalendarInput';
  }

  override details(): Record<string, unknown> {
    return { problems: this.problems };
  }
}
