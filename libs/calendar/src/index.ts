// The working-day calendar: official yearly calendars (days off, make-up working days, provisional years),
// office hours, deadline arithmetic, timeliness and local-day boundaries of Asia/Ho_Chi_Minh. Pure: it loads
// no framework at run time, so the dossier decider, analytics, the CLIs and the reports share one rule
// (docs/domain/working-time.md, docs/domain/official-calendars.md).
export { CalendarYearMissing, InvalidCalendarInput } from './calendar-errors';
export {
  addDays,
  calendarDaysBetween,
  type ClockTime,
  fromLocalDateTime,
  isoWeekday,
  type IsoWeekday,
  type LocalDate,
  type LocalDateTime,
  localInstant,
  toLocalDate,
  toLocalDateTime,
  VIETNAM_TIME_ZONE,
  dayNumberOf,
  localDateOfDayNumber,
  localDayNumberOfMs,
  midnightMsOfDayNumber,
  MS_PER_DAY,
  MS_PER_MINUTE,
  sqlLocalDayNumber,
  UTC_OFFSET_MS,
} from './local-time';
export {
  DEFAULT_OFFICE_HOURS,
  type OfficeHours,
  type SaturdayReception,
  type WorkingPeriod,
} from './office-hours';
export {
  assertValidOfficialYearCalendar,
  type DayOff,
  type DayOffKind,
  type LocalizedName,
  type MakeUpWorkingDay,
  type OfficialCalendarStatus,
  officialYearCalendarProblems,
  type OfficialYearCalendar,
  yearAwaitingConfirmation,
} from './official-calendar';
export { OFFICIAL_CALENDAR_2015 } from './official-calendar-2015';
export { OFFICIAL_CALENDAR_2016 } from './official-calendar-2016';
export { OFFICIAL_CALENDAR_2017 } from './official-calendar-2017';
export { OFFICIAL_CALENDAR_2018 } from './official-calendar-2018';
export { OFFICIAL_CALENDAR_2019 } from './official-calendar-2019';
export { OFFICIAL_CALENDAR_2020 } from './official-calendar-2020';
export { OFFICIAL_CALENDAR_2021 } from './official-calendar-2021';
export { OFFICIAL_CALENDAR_2022 } from './official-calendar-2022';
export { OFFICIAL_CALENDAR_2023 } from './official-calendar-2023';
export { OFFICIAL_CALENDAR_2024 } from './official-calendar-2024';
export { OFFICIAL_CALENDAR_2025 } from './official-calendar-2025';
export { OFFICIAL_CALENDAR_2026 } from './official-calendar-2026';
export {
  DERIVABLE_YEARS,
  holidayLawOf,
  nationalDayAdjacentDay,
  prefillOfficialYear,
  provisionalOfficialYear,
} from './official-calendar-prefill';
export type {
  AddWorkingTimeOptions,
  DeadlineMode,
  EffectiveReceiptOptions,
  PausedInterval,
  ProcessingDuration,
  ReceiptChannel,
} from './processing-time';
export { compareTimeliness, type Timeliness, type TimelinessGranularity } from './timeliness';
export { WorkingDayCalendar, type WorkingDayCalendarConfig } from './working-day-calendar';
