// The official calendar of one year as an event stream (`calendar-<year>`, stream type `calendar`):
// proposed from prefillOfficialYear, confirmed by an administrator with its source document, later amended
// with a reason. An amendment never rewrites history: deadlines already recorded in dossier events stay.
import type { RecordedEvent } from '@tthc/event-store';
import { canonicalJson } from '@tthc/event-store';
import {
  officialYearCalendarProblems,
  prefillOfficialYear,
  type DayOff,
  type MakeUpWorkingDay,
  type OfficialYearCalendar,
} from '../../domain/calendar';
import { InvalidOfficialCalendar, OfficialCalendarAlreadyConfirmed } from './official-calendar-errors';

export const CALENDAR_STREAM_TYPE = 'calendar';
export const calendarStreamId = (year: number): string => `calendar-${year}`;

export type OfficialCalendarEventType =
  'OfficialCalendarProposed' | 'OfficialCalendarConfirmed' | 'OfficialCalendarAmended';

export interface OfficialCalendarEventData {
  readonly year: number;
  readonly calendar: OfficialYearCalendar;
  /** Why a confirmed calendar was changed (amendments only). */
  readonly reason?: string;
}

export interface OfficialCalendarEvent {
  readonly type: OfficialCalendarEventType;
  readonly data: OfficialCalendarEventData;
}

export const OFFICIAL_CALENDAR_EVENT_TYPES: readonly OfficialCalendarEventType[] = [
  'OfficialCalendarProposed',
  'OfficialCalendarConfirmed',
  'OfficialCalendarAmended',
];

export type OfficialCalendarState =
  | { readonly status: 'none' }
  | { readonly status: 'proposed' | 'confirmed'; readonly calendar: OfficialYearCalendar };

/** The year data an administrator confirms (the year comes from the path, the status from the event). */
export interface OfficialCalendarDocument {
  readonly source: string;
  readonly daysOff: readonly DayOff[];
  readonly makeUpWorkingDays: readonly MakeUpWorkingDay[];
  readonly notes?: readonly string[];
}

export type OfficialCalendarCommand =
  | { readonly type: 'ProposeOfficialCalendar'; readonly year: number }
  | {
      readonly type: 'SaveOfficialCalendar';
      readonly year: number;
      readonly document: OfficialCalendarDocument;
      readonly reason?: string;
    };

export function evolveOfficialCalendar(
  state: OfficialCalendarState,
  event: OfficialCalendarEvent,
): OfficialCalendarState {
  return {
    status: event.type === 'OfficialCalendarProposed' ? 'proposed' : 'confirmed',
    calendar: event.data.calendar,
  };
}

export function foldOfficialCalendar(history: readonly RecordedEvent[]): OfficialCalendarState {
  return history
    .filter((event) => (OFFICIAL_CALENDAR_EVENT_TYPES as readonly string[]).includes(event.type))
    .map((event) => ({ type: event.type, data: event.data }) as OfficialCalendarEvent)
    .reduce(evolveOfficialCalendar, { status: 'none' } as OfficialCalendarState);
}

/** The events a command gives; [] when the saved calendar is already exactly the current one. */
export function decideOfficialCalendar(
  state: OfficialCalendarState,
  command: OfficialCalendarCommand,
): OfficialCalendarEvent[] {
  const { year } = command;
  if (command.type === 'ProposeOfficialCalendar') {
    if (state.status === 'confirmed') throw new OfficialCalendarAlreadyConfirmed(year);
    return [{ type: 'OfficialCalendarProposed', data: { year, calendar: prefillOfficialYear(year) } }];
  }
  const { document } = command;
  const calendar: OfficialYearCalendar = {
    year,
    status: 'confirmed',
    source: document.source,
    daysOff: document.daysOff,
    makeUpWorkingDays: document.makeUpWorkingDays,
    ...(document.notes === undefined ? {} : { notes: document.notes }),
  };
  const problems = officialYearCalendarProblems(calendar);
  const reason = command.reason?.trim();
  if (state.status === 'confirmed' && !reason) {
    problems.push('reason is required to amend a confirmed calendar');
  }
  if (problems.length > 0) throw new InvalidOfficialCalendar(year, problems);
  if (state.status === 'confirmed') {
    if (canonicalJson(state.calendar) === canonicalJson(calendar)) return [];
    return [{ type: 'OfficialCalendarAmended', data: { year, calendar, reason } }];
  }
  return [{ type: 'OfficialCalendarConfirmed', data: { year, calendar } }];
}
