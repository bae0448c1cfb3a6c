/**
 * Comparing processing times written in different units. Without a calendar, a working-day duration and a
 * calendar-day duration can only be compared in the cases where the answer holds for every possible week:
 * N working days always span at least N calendar days.
 */
import type { Duration } from './definition';

export type DurationComparison = 'longer' | 'not-longer' | 'undecidable';

/** Whether `a` is longer than `b`. A same-day duration is shorter than any duration in days. */
export function compareDurations(a: Duration, b: Duration): DurationComparison {
  if (a.unit === 'same-day') return 'not-longer';
  if (b.unit === 'same-day') return 'longer';
  if (a.unit === b.unit) return a.value > b.value ? 'longer' : 'not-longer';
  if (a.unit === 'working-days') return a.value > b.value ? 'longer' : 'undecidable';
  return a.value <= b.value ? 'not-longer' : 'undecidable';
}

/**
 * The duration in working days where that is well defined: a same-day procedure counts as one working day
 * (it must be done before the office closes), calendar days have no fixed working-day length.
 */
export function workingDays(duration: Duration): number | undefined {
  if (duration.unit === 'same-day') return 1;
  return duration.unit === 'working-days' ? duration.value : undefined;
}

export function formatDuration(duration: Duration): { vi: string; en: string } {
  if (duration.unit === 'same-day') return { vi: 'trong ngày', en: 'same day' };
  const working = duration.unit === 'working-days';
  return {
    vi: `${String(duration.value).replace('.', ',')} ngày${working ? ' làm việc' : ''}`,
    en: `${duration.value} ${working ? 'working' : 'calendar'} day${duration.value === 1 ? '' : 's'}`,
  };
}
