// The dossier context's published event and value types, imported as types only: the analytics domain reads
// the dossiers' facts but must not load their module (NestJS) at run time. The one behaviour it needs,
// early / on time / late, is restated here from docs/domain/statistics-ii06a.md on the fixed UTC+07:00 of Asia/Ho_Chi_Minh.
export type {
  DossierEvent,
  NormalisedOnlineLevel,
  PauseKind,
  ProcessingDuration,
  Timeliness,
  TimelinessGranularity,
} from '@tthc/dossiers';
export type { Channel } from '@tthc/procedures';
import type { Timeliness, TimelinessGranularity } from '@tthc/dossiers';

const UTC_OFFSET_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Local day number (days since 1970-01-01 in Vietnam) of an instant. */
export function localDayNumber(instantMs: number): number {
  return Math.floor((instantMs + UTC_OFFSET_MS) / MS_PER_DAY);
}

/** Earlier local day (or minute) = early, the same = on time, later = late. */
export function compareTimeliness(
  resolvedAt: Date,
  dueAt: Date,
  granularity: TimelinessGranularity,
): Timeliness {
  const unit = (instant: Date) =>
    granularity === 'day' ? localDayNumber(instant.getTime()) : Math.floor(instant.getTime() / MS_PER_MINUTE);
  const difference = unit(resolvedAt) - unit(dueAt);
  return difference < 0 ? 'early' : difference === 0 ? 'on-time' : 'late';
}
