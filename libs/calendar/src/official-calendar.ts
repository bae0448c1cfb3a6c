// The official calendar of one year for civil servants: which weekdays are days off and which rest days are
// make-up working days (làm bù). The law fixes only part of it (Labour Code 2019 Art. 111-112); the Prime
// Minister decides Tết and the swaps each year, so an administrator maintains it as data, citing the document.
import { InvalidCalendarInput } from './calendar-errors';
import { isLocalDate, isoWeekday, type LocalDate, yearOf } from './local-time';

export interface LocalizedName {
  readonly vi: string;
  readonly en: string;
}

/**
 * - `holiday`: a statutory public holiday (Art. 112), listed even when it falls on a weekend.
 * - `compensatory`: the next working day given back for a holiday that fell on a weekly rest day (Art. 111(3)).
 * - `swap`: a working day turned into a day off in exchange for a make-up working day (hoán đổi).
 */
export type DayOffKind = 'holiday' | 'compensatory' | 'swap';

export interface DayOff {
  readonly date: LocalDate;
  readonly name: LocalizedName;
  readonly kind: DayOffKind;
  /** For `compensatory`: the weekend holiday it gives back; for `swap`: the make-up working day. */
  readonly compensates?: LocalDate;
}

export interface MakeUpWorkingDay {
  /** A date that would otherwise be a weekly rest day (in practice a Saturday). */
  readonly date: LocalDate;
  readonly name: LocalizedName;
  /** The day off (kind `swap`) this working day pays for. */
  readonly compensates: LocalDate;
}

/**
 * `proposed` comes from `prefillOfficialYear`; only an administrator turns it into `confirmed`. `provisional`
 * is never stored: it is what the engine derives for a year that has no confirmed calendar.
 */
export type OfficialCalendarStatus = 'proposed' | 'confirmed' | 'provisional';

export interface OfficialYearCalendar {
  readonly year: number;
  readonly status: OfficialCalendarStatus;
  /** The legal document(s) the days come from, e.g. "Công văn 8726/VPCP-KGVX ngày 26/11/2024". */
  readonly source: string;
  readonly daysOff: readonly DayOff[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
  /** What a reviewer should know: unverified facts, choices a proposal made. */
  readonly notes?: readonly string[];
}

/** Every inconsistency in the data, so an administrator fixes them in one pass; empty when valid. */
export function officialYearCalendarProblems(calendar: OfficialYearCalendar): string[] {
  const problems: string[] = [];
  const seen = new Set<LocalDate>();
  const checkDate = (date: LocalDate, what: string): boolean => {
    if (!isLocalDate(date)) {
      problems.push(`${what}: ${JSON.stringify(date)} is not a YYYY-MM-DD date`);
      return false;
    }
    if (yearOf(date) !== calendar.year) problems.push(`${what} ${date} is not in ${calendar.year}`);
    if (seen.has(date)) problems.push(`${date} is listed more than once`);
    seen.add(date);
    return true;
  };
  if (!Number.isInteger(calendar.year)) problems.push(`year ${calendar.year} is not an integer`);
  if (calendar.source.trim() === '') problems.push('source is empty: cite the legal document');

  const swapDays = new Set(calendar.daysOff.filter((day) => day.kind === 'swap').map((day) => day.date));
  for (const day of calendar.daysOff) {
    if (!checkDate(day.date, `day off (${day.kind})`)) continue;
    if (day.kind === 'compensatory' && day.compensates === undefined) {
      problems.push(`compensatory day ${day.date} does not say which holiday it compensates`);
    }
  }
  for (const day of calendar.makeUpWorkingDays) {
    if (!checkDate(day.date, 'make-up working day')) continue;
    if (isoWeekday(day.date) < 6) problems.push(`make-up working day ${day.date} is already a weekday`);
    if (!isLocalDate(day.compensates)) {
      problems.push(
        `make-up working day ${day.date} compensates ${JSON.stringify(day.compensates)}, not a date`,
      );
      // A make-up day may pay for a swap in a neighbouring year; only same-year links can be checked here.
    } else if (yearOf(day.compensates) === calendar.year && !swapDays.has(day.compensates)) {
      problems.push(
        `make-up working day ${day.date} compensates ${day.compensates}, which is not a swap day off`,
      );
    }
  }
  return problems;
}

export function assertValidOfficialYearCalendar(calendar: OfficialYearCalendar): void {
  const problems = officialYearCalendarProblems(calendar);
  if (problems.length > 0) {
    throw new InvalidCalendarInput(
      `Official calendar ${calendar.year} is inconsistent: ${problems.join('; ')}`,
      problems,
    );
  }
}

/** The local month and day from which next year's calendar is expected to be confirmed. */
export const NEXT_YEAR_EXPECTED_FROM = '10-01';

/**
 * The year an administrator should confirm now: from 1 October, next year while it has no confirmed
 * calendar (its deadlines are computed on a provisional one until then); undefined otherwise.
 */
export function yearAwaitingConfirmation(
  today: LocalDate,
  confirmedYears: ReadonlySet<number>,
): number | undefined {
  const next = yearOf(today) + 1;
  return today.slice(5) >= NEXT_YEAR_EXPECTED_FROM && !confirmedYears.has(next) ? next : undefined;
}
