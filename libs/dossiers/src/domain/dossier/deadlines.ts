// Deadline arithmetic over the agency's calendar, in the terms of the dossier: a duration from a clock start,
// net of pauses. Used only when an event is decided; the result is recorded in the event.
import type { Duration } from '@tthc/procedures';
import type { DeadlineMode, PausedInterval, ProcessingDuration, WorkingDayCalendar } from '../calendar';
import type { Pause, ProcessingRecord } from './dossier-state';

/** Step time budgets are in quarter days, i.e. office hours: always counted as working time. */
const STEP_DEADLINE_MODE: DeadlineMode = 'WORKING_HOURS';

export function toProcessingDuration(duration: Duration): ProcessingDuration {
  return duration.unit === 'same-day' ? { unit: 'same-day' } : { unit: duration.unit, value: duration.value };
}

export function pausedIntervals(pauses: readonly Pause[]): PausedInterval[] {
  return pauses.map((pause) => ({ from: pause.from, to: pause.to ?? null }));
}

/** The deadline once every pause is closed. */
export function deadline(
  calendar: WorkingDayCalendar,
  start: Date,
  duration: ProcessingDuration,
  mode: DeadlineMode,
  pauses: readonly Pause[],
): Date {
  const due = calendar.addWorkingTime(start, duration, { mode, pauses: pausedIntervals(pauses) });
  if (due === null) throw new Error('Invariant: a deadline was computed while a pause is still open');
  return due;
}

export function stepDeadline(
  calendar: WorkingDayCalendar,
  startedAt: Date,
  timeBudget: number,
  pauses: readonly Pause[],
): Date {
  return deadline(
    calendar,
    startedAt,
    { unit: 'working-days', value: timeBudget },
    STEP_DEADLINE_MODE,
    pauses,
  );
}

/**
 * Working days left before `dueAt` at `now`, net of pauses, negative when overdue. While a pause is open the
 * clock is frozen where it stopped: the time left is measured from the start of the open pause.
 */
export function workingDaysLeft(
  calendar: WorkingDayCalendar,
  processing: Pick<ProcessingRecord, 'dueAt' | 'pauses'>,
  now: Date,
): number {
  const open = processing.pauses.find((pause) => pause.to === undefined);
  const closed = processing.pauses.filter((pause) => pause.to !== undefined);
  const from = open !== undefined && open.from < now ? open.from : now;
  return calendar.workingTimeBetween(from, processing.dueAt, pausedIntervals(closed));
}

export function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * `{ provisionalCalendarYears }` for an event that records deadlines computed from `start` when any year up to
 * the latest of them had no confirmed calendar (docs/domain/official-calendars.md); nothing otherwise.
 */
export function provisionalCalendarField(
  calendar: WorkingDayCalendar,
  start: Date,
  ...deadlines: readonly Date[]
): { provisionalCalendarYears?: number[] } {
  const last = deadlines.reduce(laterOf, start);
  const years = calendar.provisionalYearsBetween(start, last);
  return years.length === 0 ? {} : { provisionalCalendarYears: years };
}
