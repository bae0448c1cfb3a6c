import type { OfficialCalendarStatus, OfficialYearCalendar } from '../../domain/calendar';

export interface OfficialCalendarSummary {
  readonly year: number;
  readonly status: OfficialCalendarStatus;
  readonly source: string;
  /** null for a provisional year: derived, never stored. */
  readonly updatedAt: string | null;
}

export interface OfficialCalendarDetails extends OfficialCalendarSummary {
  readonly data: OfficialYearCalendar;
  /** The reason of the last amendment, if the last change was one. */
  readonly reason: string | null;
}

/** The answer of a calendar command: the events appended ([] for a no-op) and the year as it now stands. */
export interface OfficialCalendarSaved {
  readonly year: number;
  readonly status: OfficialCalendarStatus;
  readonly events: readonly string[];
  readonly data: OfficialYearCalendar;
}

export interface OfficialCalendarRow {
  year: number;
  status: OfficialCalendarStatus;
  data: OfficialYearCalendar;
  source: string;
  reason: string | null;
  updated_at: Date | string;
}

export function summaryOf(row: OfficialCalendarRow): OfficialCalendarSummary {
  return {
    year: Number(row.year),
    status: row.status,
    source: row.source,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function detailsOf(row: OfficialCalendarRow): OfficialCalendarDetails {
  return { ...summaryOf(row), data: row.data, reason: row.reason };
}
