// A year's official calendar derived from the law alone: the first draft an administrator corrects and confirms
// (`prefillOfficialYear`, status `proposed`), and the provisional calendar the engine computes deadlines with
// while a year has no confirmed one (`provisionalOfficialYear`, status `provisional`). date-holidays (VN)
// supplies only what needs a lunar calendar (Tết, Giỗ Tổ Hùng Vương); the rest is the Labour Code in force that
// year applied mechanically (docs/domain/official-calendars.md). Neither can know the yearly swaps and make-up
// Saturdays, nor which days the Prime Minister picks for Tết.
import Holidays from 'date-holidays';
import { InvalidCalendarInput } from './calendar-errors';
import { addDays, dayNumberOf, isoWeekday, type LocalDate } from './local-time';
import type { DayOff, LocalizedName, OfficialYearCalendar } from './official-calendar';
import { compensatoryDayName, PUBLIC_HOLIDAY_NAMES as names } from './public-holiday-names';

// date-holidays' VN rules (3.37): Tết is one 5-day entry starting the day before mùng 1 plus a separate
// one-day entry for mùng 1 that overlaps it; we take only mùng 1 and derive the span ourselves.
const LUNAR_NEW_YEAR_RULE = 'vietnamese 1-0-1';
const HUNG_KINGS_RULE = 'vietnamese 3-0-10';
const KNOWN_PUBLIC_RULES = ['01-01', '04-30', '05-01', '09-02', LUNAR_NEW_YEAR_RULE, HUNG_KINGS_RULE];

/**
 * The years whose holidays the engine can derive: from the 2007 amendment that made 10/3 lunar a holiday, to
 * the last year a dossier code can name (its date is YYMMDD of this century).
 */
export const DERIVABLE_YEARS = { first: 2007, last: 2099 } as const;

/**
 * The statutory holidays of the Labour Code in force on 1 January of the year (docs/domain/official-calendars.md):
 * - 1994 code as amended in 2007 (Art. 73), in force to 30 April 2013: Tết 4 days, 2/9 one day;
 * - 2012 code (Art. 115), from 1 May 2013 to 2020: Tết 5 days, 2/9 one day;
 * - 2019 code (Art. 112), from 2021: Tết 5 days, 2/9 and one adjacent day.
 * 2013 is treated as a 2012-code year although that code took effect on 1 May 2013: confirm the 2013 calendar
 * before relying on its Tết.
 */
export interface HolidayLaw {
  readonly citation: string;
  readonly tetDays: number;
  readonly nationalDayAdjacent: boolean;
}

export function holidayLawOf(year: number): HolidayLaw {
  if (year >= 2021) {
    return { citation: 'Bộ luật Lao động 2019 Điều 111-112', tetDays: 5, nationalDayAdjacent: true };
  }
  if (year >= 2013)
    return { citation: 'Bộ luật Lao động 2012 Điều 115', tetDays: 5, nationalDayAdjacent: false };
  return {
    citation: 'Bộ luật Lao động 1994 (sửa đổi 2007) Điều 73',
    tetDays: 4,
    nationalDayAdjacent: false,
  };
}

export function prefillOfficialYear(year: number): OfficialYearCalendar {
  if (!Number.isInteger(year) || year < DERIVABLE_YEARS.first || year > DERIVABLE_YEARS.last) {
    throw new InvalidCalendarInput(
      `Cannot prefill year ${year}: holidays are derived for ${DERIVABLE_YEARS.first}-${DERIVABLE_YEARS.last}`,
    );
  }
  const law = holidayLawOf(year);
  const publicHolidays = new Holidays('VN', { types: ['public'] }).getHolidays(year, 'vi');
  const dateOfRule = (rule: string): LocalDate => {
    const holiday = publicHolidays.find((candidate) => candidate.rule === rule);
    if (!holiday) throw new InvalidCalendarInput(`date-holidays has no "${rule}" for VN ${year}`);
    // `date` is the local date of the holiday; `start` is an instant that depends on the library's zone handling.
    return holiday.date.slice(0, 10);
  };
  const lunarNewYear = dateOfRule(LUNAR_NEW_YEAR_RULE);
  const hungKings = dateOfRule(HUNG_KINGS_RULE);

  const holidays: DayOff[] = [
    holiday(`${year}-01-01`, names.newYear),
    // The law gives Tết its days and leaves which ones to the Prime Minister. We propose the span starting on
    // the last day of the lunar year (giao thừa): 2026 was decided so, 2025 started a day earlier.
    ...Array.from({ length: law.tetDays }, (_, index) =>
      holiday(addDays(lunarNewYear, index - 1), names.tet),
    ),
    holiday(hungKings, names.hungKings),
    holiday(`${year}-04-30`, names.reunification),
    holiday(`${year}-05-01`, names.labourDay),
    ...(law.nationalDayAdjacent ? [holiday(nationalDayAdjacentDay(year), names.nationalDayAdjacent)] : []),
    holiday(`${year}-09-02`, names.nationalDay),
  ].sort(byDate);

  const unrecognised = publicHolidays.filter((candidate) => !isKnownRule(candidate.rule));
  return {
    year,
    status: 'proposed',
    source: `Proposal: ${law.citation} applied to date-holidays (VN) lunar dates for ${year}`,
    daysOff: [...holidays, ...compensatoryDays(holidays)].sort(byDate),
    makeUpWorkingDays: [],
    notes: [
      `Tết proposed as ${law.tetDays} days from the day before the lunar new year (${lunarNewYear}); check the Prime Minister's decision.`,
      'Swapped days off and make-up working days are decided yearly and are not proposed: add them.',
      ...unrecognised.map(
        (extra) => `date-holidays also lists ${extra.date.slice(0, 10)} "${extra.name}": review.`,
      ),
    ],
  };
}

const provisionalYears = new Map<number, OfficialYearCalendar>();

/**
 * The calendar deadlines are computed with while `year` has no confirmed calendar: the law's days alone, so
 * intake, deadlines and alerts never stop for a missing year. Events and answers that used it say so
 * (`provisionalCalendarYears`), since a swap decided later may move a day. Memoised: it is pure in `year`.
 */
export function provisionalOfficialYear(year: number): OfficialYearCalendar {
  let calendar = provisionalYears.get(year);
  if (calendar === undefined) {
    const proposal = prefillOfficialYear(year);
    calendar = {
      ...proposal,
      status: 'provisional',
      source: proposal.source.replace(/^Proposal:/, 'Provisional:'),
    };
    provisionalYears.set(year, calendar);
  }
  return calendar;
}

/**
 * Art. 112(1)(đ) gives 2/9 "and one adjacent day" (1/9 or 3/9). We propose the adjacent weekday that makes
 * the longer unbroken rest with the weekend, and 1/9 on a tie (2/9 on a Wednesday). That reproduces the
 * recent decisions: 2024 (Mon) 3/9, 2025 (Tue) 1/9, 2026 (Wed) 1/9, 2022 (Fri) 1/9, 2023 (Sat) 1/9, 2021 (Thu) 3/9.
 */
export function nationalDayAdjacentDay(year: number): LocalDate {
  const nationalDay = `${year}-09-02`;
  const before = addDays(nationalDay, -1);
  const after = addDays(nationalDay, 1);
  const restRun = (extra: LocalDate): number => {
    if (isWeekend(extra)) return -1;
    const isRest = (date: LocalDate): boolean => date === extra || date === nationalDay || isWeekend(date);
    let first = nationalDay;
    let last = nationalDay;
    while (isRest(addDays(first, -1))) first = addDays(first, -1);
    while (isRest(addDays(last, 1))) last = addDays(last, 1);
    return dayNumberOf(last) - dayNumberOf(first) + 1;
  };
  return restRun(after) > restRun(before) ? after : before;
}

/** Art. 111(3): a holiday on a weekly rest day is given back on the next working day, in date order. */
function compensatoryDays(holidays: readonly DayOff[]): DayOff[] {
  const taken = new Set(holidays.map((day) => day.date));
  const given: DayOff[] = [];
  for (const day of holidays) {
    if (!isWeekend(day.date)) continue;
    let candidate = addDays(day.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    given.push({
      date: candidate,
      name: compensatoryDayName(day.name),
      kind: 'compensatory',
      compensates: day.date,
    });
  }
  return given;
}

function holiday(date: LocalDate, name: LocalizedName): DayOff {
  return { date, name, kind: 'holiday' };
}

function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

function isKnownRule(rule: string): boolean {
  // The Tết span rule embeds the new-year rule ("1 day before vietnamese 1-0-1 P5D").
  return KNOWN_PUBLIC_RULES.includes(rule) || rule.includes(LUNAR_NEW_YEAR_RULE);
}

function byDate(a: DayOff, b: DayOff): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
