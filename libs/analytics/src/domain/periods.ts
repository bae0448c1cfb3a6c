// Reporting periods (docs/domain/statistics-ii06a.md): local dates in Vietnam, inclusive at both ends, turned into half-open instant
// ranges [start, end). Two cuts of a month, quarter, half-year or year:
// - `cutoff-15`, the official data cut-off of periodic reports (Decree 09/2019/NĐ-CP Art. 12, "thời gian chốt
//   số liệu báo cáo định kỳ"): a month from the 15th of the month before to the 14th of the month; a quarter
//   from the 15th of the month before the quarter to the 14th of its last month; the first half-year from
//   15 December of the year before to 14 June, the second from 15 June to 14 December; a year from
//   15 December of the year before to 14 December (docs/domain/statistics-ii06a.md);
// - `calendar`, whole calendar months, quarters, halves and years: the default, kept as an option; it is not
//   the official cut-off.
import { UTC_OFFSET_MS } from '@tthc/calendar';
import { localDayNumber } from './dossier-event-types';

export type LocalDate = string;
export type PeriodCut = 'calendar' | 'cutoff-15';
export type SeriesBucket = 'month' | 'quarter' | 'half' | 'year';
export const PERIOD_CUTS: readonly PeriodCut[] = ['calendar', 'cutoff-15'];

export interface ReportPeriod {
  /** First local day, included. */
  readonly from: LocalDate;
  /** Last local day, included. */
  readonly to: LocalDate;
}

export interface LabelledPeriod extends ReportPeriod {
  /** e.g. 2025-03, 2025-Q1, 2025-H1, 2025. */
  readonly label: string;
}

export interface PeriodBounds {
  readonly startMs: number;
  readonly endMs: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export class InvalidPeriod extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPeriod';
  }
}

export function dayNumber(date: LocalDate): number {
  const match = DATE.exec(date);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms / MS_PER_DAY;
  }
  throw new InvalidPeriod(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

export function dateOfDayNumber(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Local midnight at the start of `from` to local midnight after `to`. */
export function boundsOf(period: ReportPeriod): PeriodBounds {
  const first = dayNumber(period.from);
  const last = dayNumber(period.to);
  if (last < first)
    throw new InvalidPeriod(`the period ends (${period.to}) before it starts (${period.from})`);
  return { startMs: first * MS_PER_DAY - UTC_OFFSET_MS, endMs: (last + 1) * MS_PER_DAY - UTC_OFFSET_MS };
}

/** The local date of an instant. */
export function localDateOf(instantMs: number): LocalDate {
  return dateOfDayNumber(localDayNumber(instantMs));
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number): LocalDate => {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${pad(m)}-01`;
};
const addDays = (date: LocalDate, days: number) => dateOfDayNumber(dayNumber(date) + days);

/**
 * The bucket (month, quarter, half-year, year) that contains `date`, under the chosen cut. With the 15th
 * cut-off, the month labelled M runs from the 15th of M−1 to the 14th of M: 15 Dec 2024 belongs to January
 * 2025, whose report covers 15 Dec 2024 – 14 Jan 2025; the year 2025 covers 15 Dec 2024 – 14 Dec 2025.
 */
const SPAN: Readonly<Record<SeriesBucket, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

export function bucketOf(date: LocalDate, bucket: SeriesBucket, cut: PeriodCut): LabelledPeriod {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  if (cut === 'cutoff-15' && Number(date.slice(8, 10)) >= 15) {
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  const span = SPAN[bucket];
  const firstMonth = month - ((month - 1) % span);
  const label =
    bucket === 'month'
      ? `${year}-${pad(month)}`
      : bucket === 'quarter'
        ? `${year}-Q${(firstMonth - 1) / 3 + 1}`
        : bucket === 'half'
          ? `${year}-H${(firstMonth - 1) / 6 + 1}`
          : String(year);
  const calendarFrom = monthStart(year, firstMonth);
  const calendarTo = addDays(monthStart(year, firstMonth + span), -1);
  if (cut === 'calendar') return { label, from: calendarFrom, to: calendarTo };
  // 15th of the month before the first month .. 14th of the last month.
  return {
    label,
    from: addDays(monthStart(year, firstMonth - 1), 14),
    to: addDays(monthStart(year, firstMonth + span - 1), 13),
  };
}

/** The buckets that cover [from, to], each clipped to it, in order. */
export function seriesPeriods(period: ReportPeriod, bucket: SeriesBucket, cut: PeriodCut): LabelledPeriod[] {
  boundsOf(period);
  const out: LabelledPeriod[] = [];
  let cursor = period.from;
  while (cursor <= period.to) {
    const b = bucketOf(cursor, bucket, cut);
    out.push({
      label: b.label,
      from: b.from < period.from ? period.from : b.from,
      to: b.to > period.to ? period.to : b.to,
    });
    cursor = addDays(b.to, 1);
    if (out.length > 1200) throw new InvalidPeriod('a series may have at most 1200 periods');
  }
  return out;
}

const PERIOD_LABEL = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;

/**
 * The reporting period a label names under a cut: `2025-03` (month), `2025-Q2`, `2025-H1`, `2025`. Under
 * `cutoff-15`, `2025-03` is 15 February – 14 March 2025 and `2025` is 15 December 2024 – 14 December 2025.
 */
export function periodOfLabel(label: string, cut: PeriodCut): LabelledPeriod {
  const match = PERIOD_LABEL.exec(label);
  if (match === null) {
    throw new InvalidPeriod(
      `not a reporting period (YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn): ${JSON.stringify(label)}`,
    );
  }
  const [, year, month, quarter, half] = match;
  const bucket: SeriesBucket =
    month !== undefined ? 'month' : quarter !== undefined ? 'quarter' : half !== undefined ? 'half' : 'year';
  const firstMonth =
    month !== undefined
      ? Number(month)
      : quarter !== undefined
        ? 3 * Number(quarter) - 2
        : half !== undefined
          ? 6 * Number(half) - 5
          : 1;
  // Any calendar day of the bucket's first month before the 15th lies in the same bucket under both cuts.
  return bucketOf(`${year}-${pad(firstMonth)}-01`, bucket, cut);
}
