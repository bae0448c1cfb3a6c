// Reform reduction per procedure and version (docs/domain/time-savings.md): statutory duration − committed duration, in days and
// percent of the statutory one, and the actual processing time (net working days) against both. A same-day
// procedure counts as 1 working day, as the registry's budget check does; calendar-day durations are only
// compared with calendar-day durations (the reduction is left out otherwise).
import type { ProcessingDuration } from './dossier-event-types';
import { percentOf } from './statistics';

export interface DurationInDays {
  readonly value: number;
  readonly unit: 'working-days' | 'calendar-days';
}

export function durationInDays(duration: ProcessingDuration): DurationInDays {
  return duration.unit === 'same-day'
    ? { value: 1, unit: 'working-days' }
    : { value: duration.value, unit: duration.unit };
}

export interface Reduction {
  readonly days: number | null;
  readonly percent: number | null;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** How much shorter `actual` is than `baseline`, in days and in percent of the baseline. */
export function reduction(baseline: DurationInDays, actual: DurationInDays | number | null): Reduction {
  if (actual === null) return { days: null, percent: null };
  const value = typeof actual === 'number' ? actual : actual.value;
  const unit = typeof actual === 'number' ? 'working-days' : actual.unit;
  if (unit !== baseline.unit) return { days: null, percent: null };
  const days = round4(baseline.value - value);
  return { days, percent: baseline.value === 0 ? null : percentOf(days, baseline.value) };
}
