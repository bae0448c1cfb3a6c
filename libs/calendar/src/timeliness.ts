// Early / on time / late for statistics (docs/domain/statistics-ii06a.md). Day granularity is the default because public systems that
// compare exact datetimes almost never report "on time"; minute granularity matches the slip's precision.
import { epochMsOf, localDayNumberOfMs, MS_PER_MINUTE } from './local-time';

export type Timeliness = 'early' | 'on-time' | 'late';
export type TimelinessGranularity = 'day' | 'minute';

/** Compares the resolution instant with the original due instant, on local dates or on whole minutes. */
export function compareTimeliness(
  resolvedAt: Date,
  dueAt: Date,
  granularity: TimelinessGranularity = 'day',
): Timeliness {
  // The UTC offset is a whole number of minutes, so flooring epoch minutes floors local minutes too.
  const unit = (instant: Date): number =>
    granularity === 'day'
      ? localDayNumberOfMs(epochMsOf(instant))
      : Math.floor(epochMsOf(instant) / MS_PER_MINUTE);
  const difference = unit(resolvedAt) - unit(dueAt);
  return difference < 0 ? 'early' : difference === 0 ? 'on-time' : 'late';
}
