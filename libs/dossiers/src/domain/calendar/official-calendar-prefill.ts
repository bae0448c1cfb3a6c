// A first draft of a year's official calendar, for an administrator to correct and confirm. date-holidays (VN)
// supplies only what needs a lunar calendar (Tết, Giỗ Tổ Hùng Vương); the rest is Labour Code 2019 Art. 111-112
// applied mechanically. It cannot know the yearly swaps and make-up Saturdays, nor which five days the Prime
// Minister picks for Tết, so the result is always `status: 'proposed'`.
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

export function prefillOfficialYear(year: number): OfficialYearCalendar {
  // The rules applied below are those of the Labour Code 2019, in force since 2021 (before, 2/9 was one day).
  if (!Number.isInteger(year) || year < 2021 || year > 2100) {
    throw new InvalidCalendarInput(`Cannot prefill year ${year}: the proposal applies the Labour Code 2019`);
  }
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
    // Art. 112 gives Tết 5 days and leaves which ones to the Prime Minister. We propose the library's own span,
    // the last day of the lunar year (giao thừa) to mùng 4: 2026 was decided so, 2025 started a day earlier.
    ...[-1, 0, 1, 2, 3].map((offset) => holiday(addDays(lunarNewYear, offset), names.tet)),
    holiday(hungKings, names.hungKings),
    holiday(`${year}-04-30`, names.reunification),
    holiday(`${year}-05-01`, names.labourDay),
    holiday(nationalDayAdjacentDay(year), names.nationalDayAdjacent),
    holiday(`${year}-09-02`, names.nationalDay),
  ].sort(byDate);

  const unrecognised = publicHolidays.filter((candidate) => !isKnownRule(candidate.rule));
  return {
    year,
    status: 'proposed',
    source: `Proposal: Bộ luật Lao động 2019 Điều 111-112 applied to date-holidays (VN) lunar dates for ${year}`,
    daysOff: [...holidays, ...compensatoryDays(holidays)].sort(byDate),
    makeUpWorkingDays: [],
    notes: [
      `Tết proposed as the day before the lunar new year (${lunarNewYear}) to mùng 4; check the Prime Minister's decision.`,
      'Swapped days off and make-up working days are decided yearly and are not proposed: add them.',
      ...unrecognised.map(
        (extra) => `date-holidays also lists ${extra.date.slice(0, 10)} "${extra.name}": review.`,
      ),
    ],
  };
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
