// The working-day calendar a dossier is decided with: the official years confirmed by administrators (read
// model `official_calendars`, refreshed every few seconds) over the years the engine ships, a provisional
// calendar derived from the law for any other year (docs/domain/official-calendars.md), and the office hours
// of the receiving agency from the agency directory (DEFAULT_OFFICE_HOURS when the agency is not in it).
import {
  DEFAULT_OFFICE_HOURS,
  OFFICIAL_CALENDAR_2015,
  OFFICIAL_CALENDAR_2016,
  OFFICIAL_CALENDAR_2017,
  OFFICIAL_CALENDAR_2018,
  OFFICIAL_CALENDAR_2019,
  OFFICIAL_CALENDAR_2020,
  OFFICIAL_CALENDAR_2021,
  OFFICIAL_CALENDAR_2022,
  OFFICIAL_CALENDAR_2023,
  OFFICIAL_CALENDAR_2024,
  OFFICIAL_CALENDAR_2025,
  OFFICIAL_CALENDAR_2026,
  WorkingDayCalendar,
  type OfficeHours,
  type OfficialYearCalendar,
  type WorkingPeriod,
} from '../domain/calendar';

/** Confirmed official calendars shipped with the engine; another year is provisional until one is confirmed. */
export const SHIPPED_OFFICIAL_YEARS: readonly OfficialYearCalendar[] = [
  // Every year from 2015, the earliest history an agency is expected to import, to the last one the
  // government has decided (docs/domain/official-calendars.md lists each with its source).
  OFFICIAL_CALENDAR_2015,
  OFFICIAL_CALENDAR_2016,
  OFFICIAL_CALENDAR_2017,
  OFFICIAL_CALENDAR_2018,
  OFFICIAL_CALENDAR_2019,
  OFFICIAL_CALENDAR_2020,
  OFFICIAL_CALENDAR_2021,
  OFFICIAL_CALENDAR_2022,
  OFFICIAL_CALENDAR_2023,
  OFFICIAL_CALENDAR_2024,
  OFFICIAL_CALENDAR_2025,
  OFFICIAL_CALENDAR_2026,
];

/** An agency's office hours as the directory keeps them (`agencies.office_hours`). */
export interface DirectoryOfficeHours {
  readonly periods: readonly { readonly from: string; readonly to: string }[];
  readonly saturdayReception: boolean;
}

/** Saturday reception is a morning service (directory: "receives on Saturday mornings"). */
const NOON = '12:00';

/**
 * Directory periods → calendar office hours, Monday to Friday. Saturday reception takes the morning periods
 * (those ending by noon; the first period when none does) and does not count as processing time.
 */
export function officeHoursOf(directory: DirectoryOfficeHours | undefined): OfficeHours {
  if (directory === undefined || directory.periods.length === 0) return DEFAULT_OFFICE_HOURS;
  const periods: WorkingPeriod[] = directory.periods.map(({ from, to }) => ({ start: from, end: to }));
  if (!directory.saturdayReception) return { periods, workingWeekdays: [1, 2, 3, 4, 5] };
  const mornings = periods.filter((period) => period.end <= NOON);
  return {
    periods,
    workingWeekdays: [1, 2, 3, 4, 5],
    saturdayReception: {
      periods: mornings.length > 0 ? mornings : periods.slice(0, 1),
      countsForProcessing: false,
    },
  };
}

/** Where confirmed official years are read from (the `official_calendars` read model, see OfficialYearsRefresher). */
export type OfficialYearsSource = () => Promise<readonly OfficialYearCalendar[]>;

/** How long a snapshot of the confirmed years is used before it is read again. */
export const OFFICIAL_YEARS_TTL_MS = 10_000;

interface OfficialYearsSnapshot {
  readonly years: readonly OfficialYearCalendar[];
  readonly generation: number;
  readonly loadedAt: number;
}

let source: OfficialYearsSource | undefined;
let snapshot: OfficialYearsSnapshot = { years: SHIPPED_OFFICIAL_YEARS, generation: 0, loadedAt: 0 };
let confirmedExtra = new Map<number, OfficialYearCalendar>();
let refreshing: Promise<void> | undefined;

/** The shipped years, each replaced by the confirmed one for the same year, plus the other confirmed years. */
export function mergeOfficialYears(
  confirmed: readonly OfficialYearCalendar[],
): readonly OfficialYearCalendar[] {
  const byYear = new Map<number, OfficialYearCalendar>(SHIPPED_OFFICIAL_YEARS.map((y) => [y.year, y]));
  for (const year of confirmed) if (year.status === 'confirmed') byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function replaceSnapshot(years: readonly OfficialYearCalendar[]): void {
  snapshot = { years, generation: snapshot.generation + 1, loadedAt: Date.now() };
}

/** Sets (or, with undefined, removes) where confirmed years are read from; back to the shipped years. */
export function useOfficialYearsSource(next: OfficialYearsSource | undefined): void {
  source = next;
  confirmedExtra = new Map();
  replaceSnapshot(SHIPPED_OFFICIAL_YEARS);
}

/** Reads the confirmed years now (start-up, tests); the shipped years stay when there is no source. */
export async function refreshOfficialYears(): Promise<void> {
  if (source === undefined) return;
  const confirmed = await source();
  // A year confirmed in this process but not yet projected is kept until the read model has it.
  const projected = new Set(confirmed.map((year) => year.year));
  for (const year of projected) confirmedExtra.delete(year);
  replaceSnapshot(mergeOfficialYears([...confirmed, ...confirmedExtra.values()]));
}

/** A year this process just confirmed or amended: used at once, before the read model catches up. */
export function rememberOfficialYear(calendar: OfficialYearCalendar): void {
  if (calendar.status !== 'confirmed') return;
  confirmedExtra.set(calendar.year, calendar);
  replaceSnapshot(mergeOfficialYears([...snapshot.years.filter((y) => y.year !== calendar.year), calendar]));
}

/** The official years to decide with now; a stale snapshot is refreshed in the background. */
export function currentOfficialYears(): OfficialYearsSnapshot {
  if (
    source !== undefined &&
    refreshing === undefined &&
    Date.now() - snapshot.loadedAt > OFFICIAL_YEARS_TTL_MS
  ) {
    refreshing = refreshOfficialYears()
      .catch(() => undefined) // keep the last snapshot; the next call tries again
      .finally(() => (refreshing = undefined));
  }
  return snapshot;
}

/**
 * The agency's calendar over the official years of now. Callers that cache it (the context loader does) key
 * the cache on `currentOfficialYears().generation`, so a confirmed or amended year is used from then on.
 */
export function agencyCalendar(directory: DirectoryOfficeHours | undefined): WorkingDayCalendar {
  return new WorkingDayCalendar({
    officialYears: currentOfficialYears().years,
    officeHours: officeHoursOf(directory),
    provisionalForMissingYears: true,
  });
}
