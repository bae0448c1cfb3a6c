// Local civil time in Vietnam. Asia/Ho_Chi_Minh has been a fixed UTC+07:00 with no daylight saving since the
// reunification of 1975 (the South used UTC+08:00 until 13 June 1975), so a constant offset is exact for every
// date a dossier can carry, and we avoid depending on the host's time zone database or TZ variable.
import { InvalidCalendarInput } from './calendar-errors';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A local calendar date in Vietnam, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A local wall-clock time, `HH:MM` (24 h). */
export type ClockTime = string;
/** ISO weekday: 1 = Monday ... 6 = Saturday, 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateTime {
  readonly date: LocalDate;
  /** Minutes since local midnight; fractional when the instant has seconds or milliseconds. */
  readonly minuteOfDay: number;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
/** Asia/Ho_Chi_Minh's fixed offset from UTC: the one declaration every local-day boundary derives from. */
export const UTC_OFFSET_MS = 7 * 60 * MS_PER_MINUTE;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Days since 1970-01-01 of a local date; the integer axis all date arithmetic runs on. */
export function dayNumberOf(date: LocalDate): number {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC silently rolls 2026-02-30 over to March; the round trip catches it.
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms / MS_PER_DAY;
  }
  throw new InvalidCalendarInput(`Not a local date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

export function localDateOfDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function assertLocalDate(date: LocalDate): void {
  dayNumberOf(date);
}

export function isLocalDate(value: string): boolean {
  try {
    dayNumberOf(value);
    return true;
  } catch {
    return false;
  }
}

export function epochMsOf(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new InvalidCalendarInput('Invalid Date');
  return ms;
}

/** Epoch milliseconds of local midnight starting `date`. */
export function localMidnightMs(date: LocalDate): number {
  return midnightMsOfDayNumber(dayNumberOf(date));
}

export function midnightMsOfDayNumber(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - UTC_OFFSET_MS;
}

export function localDayNumberOfMs(epochMs: number): number {
  return Math.floor((epochMs + UTC_OFFSET_MS) / MS_PER_DAY);
}

export function toLocalDateTime(instant: Date): LocalDateTime {
  const shifted = epochMsOf(instant) + UTC_OFFSET_MS;
  const dayNumber = Math.floor(shifted / MS_PER_DAY);
  return {
    date: localDateOfDayNumber(dayNumber),
    minuteOfDay: (shifted - dayNumber * MS_PER_DAY) / MS_PER_MINUTE,
  };
}

export function toLocalDate(instant: Date): LocalDate {
  return localDateOfDayNumber(localDayNumberOfMs(epochMsOf(instant)));
}

export function fromLocalDateTime(date: LocalDate, minuteOfDay: number): Date {
  return new Date(localMidnightMs(date) + minuteOfDay * MS_PER_MINUTE);
}

/** The instant of a local date and wall-clock time, e.g. `localInstant('2026-02-13', '10:00')`. */
export function localInstant(date: LocalDate, clock: ClockTime): Date {
  return fromLocalDateTime(date, parseClockTime(clock));
}

export function parseClockTime(clock: ClockTime): number {
  const match = CLOCK_TIME_PATTERN.exec(clock);
  if (match) {
    const [hours, minutes] = [Number(match[1]), Number(match[2])];
    // 24:00 is allowed so a period can run to midnight.
    if (minutes < 60 && (hours < 24 || (hours === 24 && minutes === 0))) return hours * 60 + minutes;
  }
  throw new InvalidCalendarInput(`Not a clock time (HH:MM): ${JSON.stringify(clock)}`);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOfDayNumber(dayNumberOf(date) + days);
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  // Day 0 (1970-01-01) was a Thursday.
  return (((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function yearOf(date: LocalDate): number {
  assertLocalDate(date);
  return Number(date.slice(0, 4));
}

/** Signed number of local calendar dates from `from` to `to` (23:00 to 01:00 the next day is 1). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return localDayNumberOfMs(epochMsOf(to)) - localDayNumberOfMs(epochMsOf(from));
}

/**
 * The SQL expression of localDayNumberOfMs over a timestamptz expression, generated from the same constants
 * so that reports computed in PostgreSQL draw local days exactly where this module does.
 */
export function sqlLocalDayNumber(timestamptz: string): string {
  return `floor((extract(epoch from ${timestamptz}) * 1000 + ${UTC_OFFSET_MS}) / ${MS_PER_DAY})`;
}
