// The working-day calendar a dossier is decided with: the official years the engine ships, and the office hours
// of the receiving agency from the agency directory (DEFAULT_OFFICE_HOURS when the agency is not in it).
import {
  DEFAULT_OFFICE_HOURS,
  OFFICIAL_CALENDAR_2025,
  OFFICIAL_CALENDAR_2026,
  WorkingDayCalendar,
  type OfficeHours,
  type OfficialYearCalendar,
  type WorkingPeriod,
} from '../domain/calendar';

/** Confirmed official calendars shipped with the engine; a deadline in another year is CalendarYearMissing. */
export const SHIPPED_OFFICIAL_YEARS: readonly OfficialYearCalendar[] = [
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

export function agencyCalendar(directory: DirectoryOfficeHours | undefined): WorkingDayCalendar {
  return new WorkingDayCalendar({
    officialYears: SHIPPED_OFFICIAL_YEARS,
    officeHours: officeHoursOf(directory),
  });
}
