// Deadlines and elapsed working time for one agency: official year calendars (days off, make-up working days)
// combined with the agency's office hours. Pure: every instant comes in as an argument.
//
// A year with no official calendar loaded is, by default, an error (CalendarYearMissing). The engine's
// calendars are built with `provisionalForMissingYears`: such a year is then derived from the law alone
// (provisionalOfficialYear), never silently: `provisionalYearsBetween` tells the decider which years of a
// deadline's span were provisional so that the event and the answers say so. A citizen's deadline must never
// fail for a year the government has not published yet, but nobody must mistake it for a confirmed one
// (docs/domain/official-calendars.md).
import { CalendarYearMissing, InvalidCalendarInput } from './calendar-errors';
import {
  dayNumberOf,
  epochMsOf,
  isoWeekday,
  type LocalDate,
  localDateOfDayNumber,
  localDayNumberOfMs,
  midnightMsOfDayNumber,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseClockTime,
} from './local-time';
import {
  compileOfficeHours,
  type CompiledOfficeHours,
  DEFAULT_OFFICE_HOURS,
  type DaySpans,
  type OfficeHours,
} from './office-hours';
import { assertValidOfficialYearCalendar, type OfficialYearCalendar } from './official-calendar';
import { DERIVABLE_YEARS, provisionalOfficialYear } from './official-calendar-prefill';
import {
  type AddWorkingTimeOptions,
  type DeadlineMode,
  type EffectiveReceiptOptions,
  PauseSet,
  type PausedInterval,
  type ProcessingDuration,
} from './processing-time';

export interface WorkingDayCalendarConfig {
  readonly officialYears: readonly OfficialYearCalendar[];
  readonly officeHours?: OfficeHours;
  /** Per deployment (docs/domain/working-time.md); `WORKING_HOURS` unless configured. */
  readonly deadlineMode?: DeadlineMode;
  /** Allow `status: 'proposed'` years, e.g. in a sandbox; production loads confirmed years only. */
  readonly acceptProposedYears?: boolean;
  /** Derive a provisional calendar for a year not loaded (within DERIVABLE_YEARS) instead of refusing it. */
  readonly provisionalForMissingYears?: boolean;
}

interface YearDays {
  readonly daysOff: ReadonlySet<LocalDate>;
  readonly makeUpWorkingDays: ReadonlySet<LocalDate>;
}

type Segment = readonly [number, number];

export class WorkingDayCalendar {
  readonly deadlineMode: DeadlineMode;
  /** Minutes in a regular working day: what 1 working day of processing time means for this agency. */
  readonly workingDayMinutes: number;
  private readonly hours: CompiledOfficeHours;
  private readonly years = new Map<number, YearDays>();
  private readonly provisionalForMissingYears: boolean;
  private readonly provisional = new Set<number>();
  private readonly processingSpansByDay = new Map<number, DaySpans>();

  constructor(config: WorkingDayCalendarConfig) {
    this.hours = compileOfficeHours(config.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.deadlineMode = config.deadlineMode ?? 'WORKING_HOURS';
    this.workingDayMinutes = this.hours.workingDayMs / MS_PER_MINUTE;
    this.provisionalForMissingYears = config.provisionalForMissingYears ?? false;
    for (const year of config.officialYears) {
      assertValidOfficialYearCalendar(year);
      if (year.status !== 'confirmed' && !config.acceptProposedYears) {
        throw new InvalidCalendarInput(`Official calendar ${year.year} is ${year.status}, not confirmed`);
      }
      if (this.years.has(year.year)) {
        throw new InvalidCalendarInput(`Official calendar ${year.year} given twice`);
      }
      this.years.set(year.year, yearDaysOf(year));
    }
  }

  /** The years given to the constructor (not those derived since). */
  get loadedYears(): number[] {
    return [...this.years.keys()].filter((year) => !this.provisional.has(year)).sort((a, b) => a - b);
  }

  /**
   * The years from the local date of `from` to that of `to` (either order) that have no loaded calendar and so
   * are, or would be, computed on a provisional one; [] for a calendar that refuses missing years.
   */
  provisionalYearsBetween(from: Date, to: Date): number[] {
    if (!this.provisionalForMissingYears) return [];
    const [first, last] = [from, to].map((instant) =>
      yearOfDayNumber(localDayNumberOfMs(epochMsOf(instant))),
    );
    const years: number[] = [];
    for (let year = Math.min(first, last); year <= Math.max(first, last); year += 1) {
      if (!this.years.has(year) || this.provisional.has(year)) years.push(year);
    }
    return years;
  }

  /** A weekday or make-up working day that is not an official day off; Saturday reception does not make one. */
  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return localDateOfDayNumber(this.nextWorkingDayNumber(dayNumberOf(date)));
  }

  /** Whether a counter can take a dossier at this instant: working periods plus any Saturday reception. */
  isReceptionOpen(instant: Date): boolean {
    const ms = epochMsOf(instant);
    const day = localDayNumberOfMs(ms);
    const msOfDay = ms - midnightMsOfDayNumber(day);
    return this.receptionSpans(day).some(([start, end]) => start <= msOfDay && msOfDay < end);
  }

  /**
   * When the processing clock starts for a dossier received at `receivedAt` (the slip still shows the real
   * receipt time). Outside working periods (nights, lunch, weekends, holidays, Saturday reception) it is the
   * start of the next working period; strictly after the procedure's cut-off on a working day it is the start
   * of the next working day (docs/domain/lifecycle-and-forms.md: "at the start of the next working day if received after 15:00").
   * The rule is the same for every channel today; the channel is part of the question so that a locality can
   * treat them differently without changing callers.
   */
  effectiveReceipt(receivedAt: Date, options: EffectiveReceiptOptions): Date {
    const ms = epochMsOf(receivedAt);
    if (options.cutoff !== undefined) {
      const cutoffMs = parseClockTime(options.cutoff) * MS_PER_MINUTE;
      const day = localDayNumberOfMs(ms);
      if (this.isWorkingDayNumber(day) && ms - midnightMsOfDayNumber(day) > cutoffMs) {
        return new Date(this.startOfDay(this.nextWorkingDayNumber(day)));
      }
    }
    const [first] = this.firstSegmentFrom(ms);
    return new Date(first);
  }

  /**
   * The deadline for `duration` starting at `start` (normally the effective receipt), not counting `pauses`.
   * Returns null while an open pause has stopped the clock before the deadline was reached: there is no
   * deadline until the clock resumes (a dossier waiting for the citizen's supplement is not overdue).
   */
  addWorkingTime(
    start: Date,
    duration: ProcessingDuration,
    options: AddWorkingTimeOptions = {},
  ): Date | null {
    const mode = options.mode ?? this.deadlineMode;
    const pauses = new PauseSet(options.pauses ?? []);
    const startMs = epochMsOf(start);
    const deadline = ((): number | null => {
      switch (duration.unit) {
        case 'same-day':
          return this.endOfSameDay(startMs, pauses);
        case 'working-days':
          return mode === 'WORKING_HOURS'
            ? this.addWorkingMs(startMs, this.workingDaysToMs(duration.value), pauses)
            : this.endOfNthWorkingDay(startMs, duration.value, pauses);
        case 'calendar-days':
          return this.addCalendarDays(startMs, duration.value, mode, pauses);
      }
    })();
    return deadline === null ? null : new Date(deadline);
  }

  /**
   * Working time from `from` to `to` in working days (fractional, negative when `to` is earlier), net of
   * pauses: the "working time left" before a deadline, or the processing time actually used.
   * Inverse of addWorkingTime in WORKING_HOURS mode.
   */
  workingTimeBetween(from: Date, to: Date, pauses: readonly PausedInterval[] = []): number {
    return (
      this.workingMsBetween(epochMsOf(from), epochMsOf(to), new PauseSet(pauses)) / this.hours.workingDayMs
    );
  }

  private workingDaysToMs(value: number): number {
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidCalendarInput(`A duration in working days must be a finite number >= 0, got ${value}`);
    }
    return Math.round(value * this.hours.workingDayMs);
  }

  private addWorkingMs(startMs: number, amountMs: number, pauses: PauseSet): number | null {
    if (amountMs === 0) return startMs;
    let remaining = amountMs;
    for (const [segmentStart, segmentEnd] of this.segmentsFrom(startMs)) {
      for (const [from, to] of pauses.subtractFrom(segmentStart, segmentEnd)) {
        // `>=`: an exact fit ends at the end of the period, not at the start of the next one.
        if (to - from >= remaining) return from + remaining;
        remaining -= to - from;
      }
      if (pauses.openFrom !== undefined && pauses.openFrom <= segmentEnd) return null;
    }
    throw new Error('unreachable: segmentsFrom never ends');
  }

  private workingMsBetween(fromMs: number, toMs: number, pauses: PauseSet): number {
    if (toMs < fromMs) return -this.workingMsBetween(toMs, fromMs, pauses);
    let total = 0;
    // Bounded by the day of `toMs` so that a year not loaded beyond `toMs` is never consulted.
    for (const [segmentStart, segmentEnd] of this.segmentsFrom(fromMs, localDayNumberOfMs(toMs))) {
      if (segmentStart >= toMs) break;
      for (const [from, to] of pauses.subtractFrom(segmentStart, Math.min(segmentEnd, toMs))) {
        total += to - from;
      }
    }
    return total;
  }

  private endOfSameDay(startMs: number, pauses: PauseSet): number | null {
    const [first] = this.firstSegmentFrom(startMs);
    const endOfDay = this.endOfProcessingDay(localDayNumberOfMs(first));
    return this.addWorkingMs(startMs, this.workingMsBetween(startMs, endOfDay, PauseSet.none), pauses);
  }

  /**
   * Day 0 is the working day of `start` (or the next one if `start` is on a rest day); the clock runs from the
   * start of day 1 over N regular working days of working time, net of pauses, and the deadline is the end of
   * office hours of the day that time runs out. Without pauses that is the end of working day N; a fraction
   * rounds up to the end of its day; 0 means the same day.
   */
  private endOfNthWorkingDay(startMs: number, value: number, pauses: PauseSet): number | null {
    const amountMs = this.workingDaysToMs(value);
    if (amountMs === 0) return this.endOfSameDay(startMs, pauses);
    let dayZero = localDayNumberOfMs(startMs);
    while (!this.isWorkingDayNumber(dayZero)) dayZero += 1;
    const elapsedAt = this.addWorkingMs(
      this.startOfDay(this.nextWorkingDayNumber(dayZero)),
      amountMs,
      pauses,
    );
    // elapsedAt > the clock start, so elapsedAt - 1 is on the day the time ran out even at a 24:00 period end.
    return elapsedAt === null ? null : this.endOfProcessingDay(localDayNumberOfMs(elapsedAt - 1));
  }

  /**
   * Civil Code Art. 147-148: N days after the start (the first day is not counted), extended by paused
   * calendar time; if that day is a rest day the period ends with the next working day. In WORKING_HOURS mode
   * the deadline keeps the start's clock time, otherwise it is the end of office hours of that day.
   */
  private addCalendarDays(
    startMs: number,
    days: number,
    mode: DeadlineMode,
    pauses: PauseSet,
  ): number | null {
    if (!Number.isInteger(days) || days < 0) {
      throw new InvalidCalendarInput(`A duration in calendar days must be a whole number >= 0, got ${days}`);
    }
    let end = startMs + days * MS_PER_DAY;
    for (;;) {
      if (pauses.openFrom !== undefined && pauses.openFrom < end) return null;
      const extended = startMs + days * MS_PER_DAY + pauses.overlap(startMs, end);
      if (extended === end) break;
      end = extended;
    }
    const day = localDayNumberOfMs(end);
    if (!this.isWorkingDayNumber(day)) return this.endOfProcessingDay(this.nextWorkingDayNumber(day));
    return mode === 'WORKING_HOURS' ? end : this.endOfProcessingDay(day);
  }

  /** Processing segments in time order from `fromMs`, clipped to start no earlier than it. */
  private *segmentsFrom(fromMs: number, lastDay = Number.POSITIVE_INFINITY): Generator<Segment> {
    for (let day = localDayNumberOfMs(fromMs); day <= lastDay; day += 1) {
      const midnight = midnightMsOfDayNumber(day);
      for (const [start, end] of this.processingSpans(day)) {
        const segmentStart = Math.max(midnight + start, fromMs);
        if (segmentStart < midnight + end) yield [segmentStart, midnight + end];
      }
    }
  }

  private firstSegmentFrom(fromMs: number): Segment {
    for (const segment of this.segmentsFrom(fromMs)) return segment;
    throw new Error('unreachable: segmentsFrom never ends');
  }

  private startOfDay(day: number): number {
    return midnightMsOfDayNumber(day) + this.processingSpans(day)[0][0];
  }

  private endOfProcessingDay(day: number): number {
    const spans = this.processingSpans(day);
    return midnightMsOfDayNumber(day) + spans[spans.length - 1][1];
  }

  private nextWorkingDayNumber(day: number): number {
    let next = day + 1;
    while (!this.isWorkingDayNumber(next)) next += 1;
    return next;
  }

  private isWorkingDayNumber(day: number): boolean {
    const date = localDateOfDayNumber(day);
    const year = this.yearDays(date);
    if (year.daysOff.has(date)) return false;
    return year.makeUpWorkingDays.has(date) || this.hours.workingWeekdays.has(isoWeekday(date));
  }

  private processingSpans(day: number): DaySpans {
    let spans = this.processingSpansByDay.get(day);
    if (spans === undefined) {
      if (this.isWorkingDayNumber(day)) spans = this.hours.workingDaySpans;
      else if (this.hours.saturdayCountsForProcessing && this.isSaturdayReceptionDay(day)) {
        spans = this.hours.saturdayReceptionSpans;
      } else spans = [];
      this.processingSpansByDay.set(day, spans);
    }
    return spans;
  }

  private receptionSpans(day: number): DaySpans {
    if (this.isWorkingDayNumber(day)) return this.hours.workingDaySpans;
    return this.isSaturdayReceptionDay(day) ? this.hours.saturdayReceptionSpans : [];
  }

  /**
   * Saturday reception follows the official breaks: the desk is closed on a Saturday that is itself a day off
   * or lies in an unbroken run of rest days containing one (the Saturdays of Tết, of a 2/9 bridge...).
   */
  private isSaturdayReceptionDay(day: number): boolean {
    if (this.hours.saturdayReceptionSpans.length === 0) return false;
    if (isoWeekday(localDateOfDayNumber(day)) !== 6 || this.isWorkingDayNumber(day)) return false;
    for (const step of [-1, 1]) {
      for (let other = day; !this.isWorkingDayNumber(other); other += step) {
        if (this.isDayOff(other)) return false;
      }
    }
    return true;
  }

  private isDayOff(day: number): boolean {
    const date = localDateOfDayNumber(day);
    return this.yearDays(date).daysOff.has(date);
  }

  private yearDays(date: LocalDate): YearDays {
    const year = Number(date.slice(0, 4));
    const days = this.years.get(year);
    if (days !== undefined) return days;
    if (!this.provisionalForMissingYears || year < DERIVABLE_YEARS.first || year > DERIVABLE_YEARS.last) {
      throw new CalendarYearMissing(year);
    }
    const derived = yearDaysOf(provisionalOfficialYear(year));
    this.years.set(year, derived);
    this.provisional.add(year);
    return derived;
  }
}

function yearDaysOf(year: OfficialYearCalendar): YearDays {
  return {
    daysOff: new Set(year.daysOff.map((day) => day.date)),
    makeUpWorkingDays: new Set(year.makeUpWorkingDays.map((day) => day.date)),
  };
}

function yearOfDayNumber(day: number): number {
  return Number(localDateOfDayNumber(day).slice(0, 4));
}
