// An agency's office hours. Each province sets its own (docs/domain/working-time.md [config]); each agency's WorkingDayCalendar is
// built from its own OfficeHours. Some one-stop centres also receive dossiers on Saturday mornings: that is a
// reception service, not processing time, because the officials who resolve dossiers do not work that day;
// an agency whose back office does work Saturdays sets `countsForProcessing`.
import { InvalidCalendarInput } from './calendar-errors';
import { type ClockTime, type IsoWeekday, MS_PER_MINUTE, parseClockTime } from './local-time';

export interface WorkingPeriod {
  readonly start: ClockTime;
  readonly end: ClockTime;
}

export interface SaturdayReception {
  readonly periods: readonly WorkingPeriod[];
  /**
   * false (the default reading): a dossier received on Saturday is received that day, but its processing
   * clock starts at the next working period. true: Saturday periods also count as working time.
   */
  readonly countsForProcessing: boolean;
}

export interface OfficeHours {
  /** Working periods of a working day, also used on make-up working days. */
  readonly periods: readonly WorkingPeriod[];
  readonly workingWeekdays: readonly IsoWeekday[];
  readonly saturdayReception?: SaturdayReception;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  periods: [
    { start: '07:30', end: '12:00' },
    { start: '13:00', end: '16:30' },
  ],
  workingWeekdays: [1, 2, 3, 4, 5],
};

/** Half-open [start, end) spans in milliseconds since local midnight, sorted and disjoint. */
export type DaySpans = readonly (readonly [number, number])[];

export interface CompiledOfficeHours {
  readonly workingDaySpans: DaySpans;
  readonly workingWeekdays: ReadonlySet<IsoWeekday>;
  readonly saturdayReceptionSpans: DaySpans;
  readonly saturdayCountsForProcessing: boolean;
  /** Length of a regular working day: the unit of fractional working-day durations. */
  readonly workingDayMs: number;
}

export function compileOfficeHours(hours: OfficeHours): CompiledOfficeHours {
  const problems: string[] = [];
  const workingDaySpans = compilePeriods(hours.periods, 'working periods', problems);
  const saturdayReceptionSpans = hours.saturdayReception
    ? compilePeriods(hours.saturdayReception.periods, 'Saturday reception periods', problems)
    : [];
  if (workingDaySpans.length === 0 && problems.length === 0) problems.push('no working periods');
  const weekdays = new Set<IsoWeekday>();
  for (const weekday of hours.workingWeekdays) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7)
      problems.push(`weekday ${weekday} is not 1-7`);
    weekdays.add(weekday);
  }
  if (weekdays.size === 0) problems.push('no working weekdays');
  if (hours.saturdayReception && weekdays.has(6)) {
    problems.push('Saturday is already a working weekday: drop the Saturday reception');
  }
  if (problems.length > 0) {
    throw new InvalidCalendarInput(`Invalid office hours: ${problems.join('; ')}`, problems);
  }
  return {
    workingDaySpans,
    workingWeekdays: weekdays,
    saturdayReceptionSpans,
    saturdayCountsForProcessing: hours.saturdayReception?.countsForProcessing ?? false,
    workingDayMs: workingDaySpans.reduce((total, [start, end]) => total + end - start, 0),
  };
}

function compilePeriods(periods: readonly WorkingPeriod[], what: string, problems: string[]): DaySpans {
  const spans: [number, number][] = [];
  for (const period of periods) {
    try {
      const start = parseClockTime(period.start) * MS_PER_MINUTE;
      const end = parseClockTime(period.end) * MS_PER_MINUTE;
      if (start < end) spans.push([start, end]);
      else problems.push(`${what}: ${period.start}-${period.end} does not end after it starts`);
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i += 1) {
    if (spans[i][0] < spans[i - 1][1]) problems.push(`${what} overlap`);
  }
  return spans;
}
